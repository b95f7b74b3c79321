"""The site-wide runtime code every app builds on and that knows no app: the page cache,
media storage, the Redis cache, security headers, absolute URLs, sign-in throttling and
the answers for failed outside services. Configuration itself lives in `kvarken`."""
