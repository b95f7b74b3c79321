"""Build time and peak memory of the Company Catalogue for 30, 300 and 1,000 companies,
printed as a table. Run with `make bench-catalogue`.

Each size is built in its own process (so peak memory is that build's), from generated
entries with a logo and a QR code each, through the same templates and WeasyPrint call as
the site (companies/catalogue/pdf.py); no database is involved. Sizes can be given as
arguments: `python bench/catalogue_build.py 30 100`.
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZES = (30, 300, 1000)


def build(count):
    """Build one catalogue of ``count`` companies; returns its measurements."""
    sys.path[:0] = [str(REPO)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvarken.settings.dev")
    import base64

    import django

    django.setup()
    from django.utils import translation

    from companies.catalogue.pdf import Cover, Entry, build_pdf
    from home.demo.images import logo_png

    translation.activate("sv")
    sectors = ["Batterier", "Bioekonomi", "Energi", "Vätgas", "Vatten", "Cirkulär ekonomi"]
    colours = ["#0b5d7a", "#2f6b3a", "#7a3b0b", "#4b2f7a", "#7a0b3b"]
    logos = [
        "data:image/png;base64," + base64.b64encode(logo_png(f"Företag {i}", c, 240)).decode()
        for i, c in enumerate(colours)
    ]
    entries = [
        Entry(
            anchor=f"company-{i}",
            name=f"Företag {i:04d} Åbo Öy",
            pitch="Elektrolysörer och vätgaslager för industrin i Kvarken",
            description=" ".join(["Vi bygger anläggningar för grön vätgas i Norden."] * 14),
            url=f"https://cleantechkvarken.example/sv/foretag/foretag-{i:04d}/",
            place="Vasa, Finland" if i % 2 else "Umeå, Sverige",
            sectors=[sectors[i % len(sectors)], sectors[(i * 7) % len(sectors)]],
            offerings=[("Produkt", f"Elektrolysör {k}", "Från 1 till 20 MW.") for k in range(3)],
            certifications=["ISO 14001", "ISO 9001"],
            markets=["Norge", "Tyskland", "Estland"],
            contacts=[("Webbplats", "https://example.org"), ("E-post", "info@example.org")],
            logo=logos[i % len(logos)],
        )
        for i in range(count)
    ]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    pdf, pages = build_pdf(Cover(language="sv", title="Företagskatalog"), entries)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "companies": count,
        "seconds": round(seconds, 1),
        "per_company_ms": round(1000 * seconds / count),
        "pages": pages,
        "megabytes_pdf": round(len(pdf) / 1e6, 2),
        "peak_rss_mb": round(peak / 1024),
        "rss_before_mb": round(before / 1024),
    }


def main(sizes):
    print(
        f"{'companies':>9} {'seconds':>8} {'ms/company':>10} {'pages':>6} "
        f"{'PDF MB':>7} {'peak RSS MB':>11} {'RSS before':>10}"
    )
    for count in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(count)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{r['companies']:>9} {r['seconds']:>8} {r['per_company_ms']:>10} {r['pages']:>6} "
            f"{r['megabytes_pdf']:>7} {r['peak_rss_mb']:>11} {r['rss_before_mb']:>10}",
            flush=True,
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(build(int(sys.argv[2]))))
    else:
        main([int(arg) for arg in sys.argv[1:]] or SIZES)
