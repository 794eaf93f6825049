"""build_claims: group near-duplicate documents into sources and facts into claims, rerunnably."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.claims.build import build_claims
from factcheck.models import Claim, Corpus


class Command(BaseCommand):
    help = (
        "Group copies and translations of one story into sources, and facts that state the same thing into "
        "claims, with their conflicts and updates. Rerunning gives the same claims and never duplicates them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--corpus", help="Only this corpus (default: every corpus, each on its own).")
        parser.add_argument("--full", action="store_true",
                            help="Recompute every document fingerprint and regroup all sources from scratch.")
        parser.add_argument("--list", action="store_true", help="Print every claim with its counts.")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        corpora = Corpus.objects.order_by("name")
        if opts["corpus"]:
            corpora = corpora.filter(name=opts["corpus"])
            if not corpora.exists():
                raise CommandError(f"No corpus named {opts['corpus']!r}: load it first with load_corpus.")
        for corpus in corpora:
            stats = build_claims(corpus, full=opts["full"])
            syn = stats.syndication
            self.stdout.write(
                f"{corpus.name}: {syn.documents} documents in {syn.groups} independent sources "
                f"({syn.multi_document_groups} with near-duplicates; {syn.fingerprinted} fingerprinted, "
                f"{syn.candidates} candidate pairs checked); {stats.facts} facts in {stats.claims} claims "
                f"({stats.created} new, {stats.deleted} dropped), {stats.conflicts} conflicts, {stats.updates} updates"
            )
            if opts["list"]:
                claims = Claim.objects.filter(corpus=corpus).order_by("kind", "-sources_count", "-documents_count", "id")
                for c in claims:
                    flags = " CONFLICT" if c.has_conflict else ""
                    flags += " UPDATE" if c.has_update else ""
                    self.stdout.write(
                        f"  #{c.pk} {c.kind}: {c.label} [{c.subject}] facts={c.facts_count} "
                        f"documents={c.documents_count} sources={c.sources_count} {c.status}{flags}"
                    )
