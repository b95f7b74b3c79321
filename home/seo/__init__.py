"""What search engines read: the sitemap, robots.txt and JSON-LD structured data."""
