"""Claims: facts from many documents that state one thing, counted by independent source (issue #6).

- :mod:`factcheck.claims.syndication` groups copies and translations of one story into a source;
- :mod:`factcheck.claims.subjects` and :mod:`factcheck.claims.values` say when two facts speak of the
  same thing and whether their values agree;
- :mod:`factcheck.claims.clustering` turns facts into claims, :mod:`factcheck.claims.conflicts` relates
  claims that disagree; both are pure Python over :class:`~factcheck.claims.clustering.Item`;
- :mod:`factcheck.claims.build` reads and writes the database; :mod:`factcheck.claims.review` decides a
  whole claim at once. The rules are in docs/claims.md.
"""
