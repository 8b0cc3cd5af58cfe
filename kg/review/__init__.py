"""`kg review`: a spreadsheet of a build's entities and company-initiative links for an analyst to
mark, and the marks turned back into corrections (kg.resolve.corrections)."""
from kg.review.apply import apply_review
from kg.review.sheets import write_review

__all__ = ["apply_review", "write_review"]
