"""Django's Redis cache with one Redis client per connection pool instead of a new one for every call.

Django's RedisCacheClient builds a `redis.Redis` object around its pool on every get and set; on this project's
2-core machines that cost about 0.3 ms of CPU per call, twice what the round trip to Redis itself costs
(docs/benchmarks.md, parent overview). A `redis.Redis` is safe to share between threads and its
pool opens new connections after a fork, so one per pool is kept for the process."""
from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
