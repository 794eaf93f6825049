"""The Django app: corpora, documents, facts, reviews, and the commands that fill them."""
