"""Fetches the project's test photos (the set in ../shared/testdata/photos on the development machine) from their
public sources, for CI runners that do not have that folder (the release workflow's Windows end-to-end job):

    python tests/windows/fetch_testdata.py DIR        → DIR/photos/{orientation,gps,cameras,broken}/…

then GONGBANG_TESTDATA=DIR. Each source repository is fetched at a fixed commit with git, and every file is checked
against its git blob id, so the photos are exactly the ones the tests were written against.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

SOURCES = {
    # exif-orientation-examples (MIT): Landscape/Portrait_0..8, EXIF Orientation 0-8.
    "orientation": (
        "https://github.com/recurser/exif-orientation-examples.git",
        "219294e144531b0c01247913cb58b6f5531b5081",
    ),
    # exif-samples (CC BY-SA 4.0 and others; see its README): GPS, camera and broken samples.
    "samples": ("https://github.com/ianare/exif-samples.git", "5332a9cf0220e9c6c93f88a187daa90808051e10"),
}

# (path under photos/, source:path in that repository, git blob id)
FILES = [
    ("broken/corrupted.jpg", "samples:jpg/corrupted.jpg", "c7694e3b2f9d0c65838155b10452614eeadeb458"),
    ("broken/image01088.jpg", "samples:jpg/invalid/image01088.jpg", "1db6bc46e009c5e989ab9099411a7ca152459932"),
    ("cameras/22-canon_tags.jpg", "samples:jpg/tests/22-canon_tags.jpg", "feeb131ab8987aedf84c90f6b95b7d214b94c831"),
    ("cameras/BSG1.tiff", "samples:tiff/BSG1.tiff", "7551ea204ac00a84db780d40a3b923162ed658ca"),
    ("cameras/Canon_40D.jpg", "samples:jpg/Canon_40D.jpg", "6eb33f12d1d9b3e837c151e9913f0a82061028e1"),
    ("cameras/Nikon_D70.jpg", "samples:jpg/Nikon_D70.jpg", "8ea0bcc5b0a95ba353eea714ae5f6a8b5c2dc4fd"),
    (
        "cameras/Reconyx_HC500_Hyperfire.jpg",
        "samples:jpg/Reconyx_HC500_Hyperfire.jpg",
        "2d6a14bda1a3530e7129048ce24f78a8f0757e1e",
    ),
    ("cameras/fujifilm-dx10.jpg", "samples:jpg/exif-org/fujifilm-dx10.jpg", "e4177b2907743b570820cd0af8c0f72359309e55"),
    ("cameras/jolla.jpg", "samples:jpg/mobile/jolla.jpg", "a0d98b035e33f948fc0b71bec6707da099a5a3fd"),
    ("cameras/nikon-e950.jpg", "samples:jpg/exif-org/nikon-e950.jpg", "1222114f3299f218a54573fba10a6706c3e28cc0"),
    ("gps/DSCN0010.jpg", "samples:jpg/gps/DSCN0010.jpg", "4a2c1552b991add9a356a460415626ad700f401b"),
    ("gps/DSCN0012.jpg", "samples:jpg/gps/DSCN0012.jpg", "cbc95948cb75e12be56ffd06118dddf9b55967e2"),
    ("gps/DSCN0021.jpg", "samples:jpg/gps/DSCN0021.jpg", "f0550edd9b473b4726df50d65b02f13edaf5b5ea"),
    ("gps/canon_hdr_NO.jpg", "samples:jpg/hdr/canon_hdr_NO.jpg", "c9cb2cb7dac8e0ebad4208fbbd5a80e0412878f5"),
    ("gps/iphone_hdr_NO.jpg", "samples:jpg/hdr/iphone_hdr_NO.jpg", "0645e8a806642331d5bd6af5390a388b3f3e7132"),
    ("orientation/LICENSE", "orientation:LICENSE", "978ee2ae82593fb0e3bcbee76427ff97d1990424"),
    ("orientation/Landscape_0.jpg", "orientation:Landscape_0.jpg", "8518c82b5d39820339785895296f6debf09bffac"),
    ("orientation/Landscape_1.jpg", "orientation:Landscape_1.jpg", "fda188236a14524fe3598a908718d9e682b92c4f"),
    ("orientation/Landscape_2.jpg", "orientation:Landscape_2.jpg", "d2605f81b95c584074098b1fdea4975635dea46c"),
    ("orientation/Landscape_3.jpg", "orientation:Landscape_3.jpg", "f508052340835173446a963ba1021152c13b47e7"),
    ("orientation/Landscape_4.jpg", "orientation:Landscape_4.jpg", "d73dee8fd78362a322daf5dc536659c9b890857e"),
    ("orientation/Landscape_5.jpg", "orientation:Landscape_5.jpg", "975d858838beddb08966cb40f09f40a8504b03d1"),
    ("orientation/Landscape_6.jpg", "orientation:Landscape_6.jpg", "b579b7f9abda2a47fd6bed69f32cf235516eb389"),
    ("orientation/Landscape_7.jpg", "orientation:Landscape_7.jpg", "b1e919cfd99f26a94c7a570a6f45e022ad6db592"),
    ("orientation/Landscape_8.jpg", "orientation:Landscape_8.jpg", "c381db10e6f6986044a234c269581bbbf913ef37"),
    ("orientation/Portrait_0.jpg", "orientation:Portrait_0.jpg", "aa9632e5ed76fa0c3e09d5e9205010afb581fa83"),
    ("orientation/Portrait_1.jpg", "orientation:Portrait_1.jpg", "dcb57c537f782e6c3f5c5c7fbb613859382437dd"),
    ("orientation/Portrait_2.jpg", "orientation:Portrait_2.jpg", "8c3adf7afb614be5471835d0bbc3d1d54803c5b4"),
    ("orientation/Portrait_3.jpg", "orientation:Portrait_3.jpg", "5a5544f233d9168cd6bf399ff16367b5483be4b0"),
    ("orientation/Portrait_4.jpg", "orientation:Portrait_4.jpg", "9eb2a6a1e64677f754c82c96fcc23b024fe25521"),
    ("orientation/Portrait_5.jpg", "orientation:Portrait_5.jpg", "905169aa7516a9caef974151bafe1ce0f9243b3a"),
    ("orientation/Portrait_6.jpg", "orientation:Portrait_6.jpg", "8fc576e0675ac9f7472af2f965d4edd865b7b8e7"),
    ("orientation/Portrait_7.jpg", "orientation:Portrait_7.jpg", "cfa04d66e06fe9e2286caaf473d4a11bcd099e9a"),
    ("orientation/Portrait_8.jpg", "orientation:Portrait_8.jpg", "b2a50d6eb67453ace5c2d614af2050ad2a43257a"),
]


def blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def fetch(name: str, work: Path) -> Path:
    url, commit = SOURCES[name]
    repo = work / name
    if not (repo / ".git").is_dir():
        repo.mkdir(parents=True, exist_ok=True)
        git = ["git", "-C", str(repo), "-c", "core.autocrlf=false"]
        subprocess.run([*git, "init", "-q"], check=True)
        subprocess.run([*git, "fetch", "-q", "--depth", "1", url, commit], check=True)
        subprocess.run([*git, "checkout", "-q", "FETCH_HEAD"], check=True)
    return repo


def main(dest: Path) -> int:
    work = dest / "sources"
    repos = {name: fetch(name, work) for name in SOURCES}
    bad = []
    for target, source, want in FILES:
        name, _, path = source.partition(":")
        data = (repos[name] / path).read_bytes()
        if blob_id(data) != want:
            bad.append(f"{source}: blob {blob_id(data)}, expected {want}")
            continue
        out = dest / "photos" / target
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    if bad:
        print("test photos differ from the expected ones:\n  " + "\n  ".join(bad), file=sys.stderr)
        return 1
    print(f"{len(FILES)} test files in {dest / 'photos'}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/windows/fetch_testdata.py DIR")
    sys.exit(main(Path(sys.argv[1])))
