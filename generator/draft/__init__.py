"""Drafting a story from an article: `drafting.draft_story` runs the stages below.

reading (text or web page) -> byline and dateline -> quotations -> attributions and people -> dates and timeline
-> story.yaml, each inferred value marked for review (review_marks.py)

The attribution reader (`attribution`, `people`) is also what `check` uses to see who the article says spoke a
quotation, so nothing here imports the checking side at package import.
"""
