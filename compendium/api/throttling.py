from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Limit anonymous clients to settings.API_ANON_RATE (read at request time)."""

    def get_rate(self):
        return settings.API_ANON_RATE
