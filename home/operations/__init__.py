"""Running the site: backup and restore, the media check, CDN purges on publish."""
