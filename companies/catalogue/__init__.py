"""The Company Catalogue: stored PDFs and selections, their build and layout, and its views."""
