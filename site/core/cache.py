"""Django's Redis cache, made to fail soft: when Redis is down the site runs uncached.

Everything we keep in the cache (rendered pages, Wagtail's site root paths, the inquiry
rate limits) can be recomputed, so a Redis outage must cost speed, not pages: a command
that can't reach Redis answers as a miss (get -> default, add -> False, incr -> as if
the key had expired) instead of raising. After a failure this process stops asking
Redis for a couple of seconds, so a server that hangs doesn't add a socket timeout to
every request."""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

# How long a process leaves Redis alone after a failed command (seconds).
RETRY_AFTER = 2.0


class _Outage:
    """Per-process memory of the last failure, shared by every cache alias."""

    until = 0.0
    reported = False

    @classmethod
    def ongoing(cls):
        return time.monotonic() < cls.until

    @classmethod
    def begin(cls, error):
        cls.until = time.monotonic() + RETRY_AFTER
        if not cls.reported:
            cls.reported = True
            logger.warning("Redis unavailable, serving without cache: %s", error)

    @classmethod
    def end(cls):
        if cls.reported:
            cls.reported = False
            logger.warning("Redis is back; caching again")


def _soft(method, fallback):
    def call(self, *args, **kwargs):
        if _Outage.ongoing():
            return fallback(*args)
        try:
            result = method(self, *args, **kwargs)
        except self._lib.exceptions.RedisError as error:
            _Outage.begin(error)
            return fallback(*args)
        if _Outage.reported:
            _Outage.end()
        return result

    call.__name__ = method.__name__
    return call


def _missing_key(*args):
    # What Django's incr raises for a key that isn't there: callers already handle it.
    raise ValueError("Redis unavailable")


class ResilientRedisCacheClient(RedisCacheClient):
    get = _soft(RedisCacheClient.get, lambda key, default=None, *rest: default)
    add = _soft(RedisCacheClient.add, lambda *args: False)
    set = _soft(RedisCacheClient.set, lambda *args: None)
    touch = _soft(RedisCacheClient.touch, lambda *args: False)
    delete = _soft(RedisCacheClient.delete, lambda *args: False)
    get_many = _soft(RedisCacheClient.get_many, lambda *args: {})
    has_key = _soft(RedisCacheClient.has_key, lambda *args: False)
    incr = _soft(RedisCacheClient.incr, _missing_key)
    set_many = _soft(RedisCacheClient.set_many, lambda *args: None)
    delete_many = _soft(RedisCacheClient.delete_many, lambda *args: None)
    clear = _soft(RedisCacheClient.clear, lambda *args: False)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
