"""Generated demo images (Pillow, no network): company logos and hero pictures."""

import hashlib
import io
import math
import random

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def initials(name):
    words = [w for w in name.replace("-", " ").split() if w[0].isalpha()]
    words = [w for w in words if w not in {"AB", "Oy", "Ab", "Oyj", "Ltd"}] or words
    return "".join(w[0] for w in words[:2]).upper()


def logo_png(name, colour, size=400):
    """A square logo: the company's initials on its brand colour."""
    image = PILImage.new("RGB", (size, size), _rgb(colour))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=size * 0.42)
    draw.text((size / 2, size / 2), initials(name), fill="white", font=font, anchor="mm")
    draw.rounded_rectangle((12, 12, size - 12, size - 12), radius=40, outline="white", width=6)
    return _png(image)


def hero_png(seed, colour, width=1600, height=600):
    """A calm landscape: sky gradient, sea, a forested shore and a few wind turbines."""
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    base = _rgb(colour)
    image = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        sky = tuple(int(c + (235 - c) * (1 - t) * 0.8) for c in base)
        draw.line([(0, y), (width, y)], fill=sky)
    horizon = int(height * rng.uniform(0.55, 0.68))
    draw.rectangle((0, horizon, width, height), fill=tuple(int(c * 0.55) for c in base))
    shore = [(0, horizon)]
    for x in range(0, width + 40, 40):
        shore.append((x, horizon - rng.randint(8, 40)))
    shore.append((width, horizon))
    draw.polygon(shore, fill=(34, 68, 48))
    for _ in range(rng.randint(2, 5)):
        x = rng.randint(80, width - 80)
        top = horizon - rng.randint(150, 260)
        draw.line([(x, horizon - 20), (x, top)], fill="white", width=5)
        for angle in (0, 120, 240):
            rad = math.radians(angle + rng.randint(0, 119))
            draw.line(
                [(x, top), (x + 70 * math.cos(rad), top + 70 * math.sin(rad))],
                fill="white",
                width=4,
            )
    return _png(image)
