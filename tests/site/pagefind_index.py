"""Reading the site's Pagefind index as data: its fragments (JSON, one per page) and its other files (CBOR),
each gzip-compressed behind a `pagefind_dcd` signature, decoded without Pagefind's JavaScript."""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def fragments(site: Path) -> list[dict]:
    """Every indexed page: url, content (the text Pagefind keeps), meta, filters."""
    return [json.loads(gzip.decompress(p.read_bytes())[len(SIGNATURE):])
            for p in sorted((site / "pagefind" / "fragment").iterdir())]


def decode(path: Path) -> Any:
    """A .pf_meta, .pf_index or .pf_filter file as Python data."""
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    value, _ = _cbor(data, len(SIGNATURE))
    return value


def _cbor(data: bytes, at: int) -> tuple[Any, int]:
    """The CBOR item at `at` (what Pagefind writes: integers, strings, arrays, maps) and where the next starts."""
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        argument = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        argument = int.from_bytes(data[at:at + size], "big")
        at += size
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        chunk = data[at:at + argument]
        return (chunk if major == 2 else chunk.decode("utf-8")), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _cbor(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(argument):
            key, at = _cbor(data, at)
            value, at = _cbor(data, at)
            mapping[key] = value
        return mapping, at
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], at
    if major == 7 and info == 27:
        return struct.unpack(">d", data[at - 8:at])[0], at
    raise ValueError(f"CBOR type {major}/{info} not read here")


def canonical_digests(site: Path) -> dict[str, str]:
    """The index's files by what they hold. Pagefind writes each filter's values in a random order (a Rust
    hash map), and the names of the filter and meta files are hashes of those bytes: byte comparisons would
    see two builds of one site differ. Filters are compared as sorted data, the meta file without their names."""
    root = site / "pagefind"
    result: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if path.suffix == ".pf_filter":
            filter_name, values = decode(path)  # [name, [[value, [page numbers]], …]]
            name, data = f"pagefind/filter/{filter_name}", _sorted_json(sorted(values))
        elif path.suffix == ".pf_meta":
            name, data = "pagefind/meta", _sorted_json([_filter_names(item) for item in decode(path)])
        elif path.name == "pagefind-entry.json":
            entry = json.loads(path.read_bytes())
            for language in entry["languages"].values():
                language.pop("hash")
            data = _sorted_json(entry)
        else:
            data = path.read_bytes()
        result[name] = hashlib.sha256(data).hexdigest()
    return result


def _filter_names(item: Any) -> Any:
    """The meta file's list of filters ([name, file hash], in random order) as their sorted names."""
    if isinstance(item, list) and item and all(isinstance(x, list) and len(x) == 2 and isinstance(x[1], str)
                                               and x[1].startswith("fr_") for x in item):
        return sorted(name for name, _ in item)
    return item


def _sorted_json(value: Any) -> bytes:
    def canonical(item: Any) -> Any:
        if isinstance(item, dict):
            return {key: canonical(val) for key, val in sorted(item.items())}
        if isinstance(item, list):
            return [canonical(x) for x in item]
        if isinstance(item, bytes):
            return item.hex()
        return item
    return json.dumps(canonical(value), ensure_ascii=False, sort_keys=True).encode()


def index_words(site: Path) -> set[str]:
    """Every word of the index: its folded stems and the forms of the pages' text they stand for."""
    words: set[str] = set()

    def walk(entries: list) -> None:
        for entry in entries:
            if isinstance(entry, list) and entry and isinstance(entry[0], str):
                words.add(entry[0])
                for item in entry[1:]:
                    if isinstance(item, list):
                        walk(item)

    for path in (site / "pagefind" / "index").iterdir():
        walk(decode(path)[0])
    return words
