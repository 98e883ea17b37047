from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Limit anonymous clients to settings.API_ANON_RATE (read at request time)."""

    def get_rate(self):
        # "off" lifts the limit, for load tests only: DRF lets every request through then.
        return None if settings.API_ANON_RATE == "off" else settings.API_ANON_RATE
