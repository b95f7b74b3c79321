"""Headers that tell browsers what the site may do, on every response (Django's
SecurityMiddleware adds HSTS, nosniff, Referrer-Policy and Cross-Origin-Opener-Policy).

The public pages' Content-Security-Policy allows no inline script: our JavaScript is in
static files, and JSON-LD is data, which the policy doesn't cover. Wagtail's admin (and
wagtail-localize's editor) still write a few inline scripts (inline panels, date
pickers), so /admin/ allows inline scripts; everything else is the same there."""

from django.conf import settings

EMBED_FRAMES = "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com"
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"


def policy(*, inline_scripts):
    media = " ".join(settings.CSP_MEDIA_SOURCES)
    inline = " 'unsafe-inline'" if inline_scripts else ""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self'{inline}",
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
        self.public = policy(inline_scripts=False)
        self.admin = policy(inline_scripts=True)

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith("/admin/")
        response.headers.setdefault("Content-Security-Policy", self.admin if admin else self.public)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        return response
