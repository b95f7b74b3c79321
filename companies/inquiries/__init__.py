"""Buyers' inquiries: the model, its form, rate limits, mail delivery, and where it posts."""
