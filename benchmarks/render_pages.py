"""Render clean texts to degraded page images and read them with Tesseract as hOCR.

usage: python benchmarks/render_pages.py SRC_DIR OUT_DIR --ocrsim PATH/ocrsim.py

SRC_DIR holds one folder per text with its ``gt.txt`` (the bench's layout).
OUT_DIR/<text>/ gets ``gt.txt`` and ``page.hocr``: pages with the engine's
word confidences, for ``engine_confidence.py``. The page is rendered and
degraded by the team's ``ocrsim.py`` (severity 0.55-0.9, seeded per text);
needs ``tesseract`` and Pillow.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("ocrsim", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.FONTS = [f for f in module.FONTS if os.path.exists(f)]  # fonts this machine has
    return module


def one(job: tuple[Path, Path, int, Path]) -> str:
    gt, out, seed, ocrsim_path = job
    ocrsim = load(ocrsim_path)
    rng = random.Random(seed)
    text = gt.read_text(encoding="utf-8").strip()
    image, quality, _ = ocrsim.render(text, rng, 0.55 + 0.35 * rng.random())
    folder = out / gt.parent.name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gt.txt").write_text(text + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "page.jpg")
        image.save(page, quality=quality)
        subprocess.run(
            ["tesseract", page, str(folder / "page"), "-l", "eng", "--psm", "6", "hocr"],
            capture_output=True,
            check=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    return gt.parent.name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--ocrsim", type=Path, required=True)
    args = parser.parse_args()
    texts = sorted(args.src.glob("*/gt.txt"))
    jobs = [(gt, args.out, k, args.ocrsim.resolve()) for k, gt in enumerate(texts)]
    with ProcessPoolExecutor(2) as pool:
        for name in pool.map(one, jobs):
            print(name, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
