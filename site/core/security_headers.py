"""Headers that tell browsers what the site may do, on every response (Django's
SecurityMiddleware adds HSTS, nosniff, Referrer-Policy and Cross-Origin-Opener-Policy).

No page allows inline scripts: our JavaScript is in static files, JSON-LD and widget
options are data, which the policy doesn't cover, and the admin's own inline scripts are
turned into data for a static file (admin_csp.py). Public pages allow no inline
style either; /admin/ does, because Wagtail's widgets set style attributes."""

from django.conf import settings

EMBED_FRAMES = "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com"
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"


def policy(*, inline_styles):
    media = " ".join(settings.CSP_MEDIA_SOURCES)
    inline = " 'unsafe-inline'" if inline_styles else ""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            f"style-src 'self'{inline}",
            f"img-src 'self' data: blob: {media}".strip(),
            f"media-src 'self' {media}".strip(),
            "font-src 'self' data:",
            "connect-src 'self'",
            f"frame-src 'self' {EMBED_FRAMES}",
            # Wagtail's preview frames the site in its own admin; no one else may.
            "frame-ancestors 'self'",
            "form-action 'self'",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public = policy(inline_styles=False)
        self.admin = policy(inline_styles=True)

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith("/admin/")
        response.headers.setdefault("Content-Security-Policy", self.admin if admin else self.public)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        return response
