"""Linear-chain CRF decoding in numpy, from the model files crfsuite trains.

crfsuite's own tagger looks every feature string up once per layer and decodes one sentence at
a time; here the layers share one attribute index (each string is looked up once), a document's
state scores are summed in one pass, and Viterbi and forward-backward run over all its sentences
at once, one character position per step. The result is crfsuite's: the same scores, the same
first-best tie-breaking, the same marginals (tests/test_model_crf.py compares them).

The file layout is crfsuite's `crf1d_model.c` and `cqdb.c`: a header, a feature chunk of
(type, source, destination, weight) records, and constant databases for labels and attributes
whose backward arrays give each id's string.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kg.errors import KgError

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, counts, offsets
_CHUNK = 12  # chunk id, size, count
_FEATURE = np.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1
_CQDB_HEADER = struct.Struct("<4sIIIII")  # chunk id, size, flag, byte order, backward size, offset


@dataclass
class ChainCRF:
    """One linear-chain CRF: state weights per (attribute, label) and transition weights."""
    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state: np.ndarray  # (attributes, labels)
    transition: np.ndarray  # (labels, labels): from, to


def _strings(buffer: bytes, start: int, path: Path) -> tuple[str, ...]:
    """Every key of the constant database at `start`, in id order. Each record is (id, key size,
    key and NUL); the backward array gives each id's record."""
    chunk, _, _, _, count, backward = _CQDB_HEADER.unpack_from(buffer, start)
    if chunk != b"CQDB":
        raise KgError(f"{path}: not a model file kg can read (no string table)")
    records = start + np.frombuffer(buffer, "<u4", count, start + backward).astype(np.intp)
    raw = np.frombuffer(buffer, np.uint8)
    sizes = raw[records + 4].astype(np.intp) | raw[records + 5].astype(np.intp) << 8 \
        | raw[records + 6].astype(np.intp) << 16 | raw[records + 7].astype(np.intp) << 24
    order = np.argsort(records)
    low, high = int(records.min()), int((records + 8 + sizes).max())
    edges = np.zeros(high - low + 1, np.int8)
    edges[records + 8 - low] = 1
    edges[records + 8 + sizes - low] = -1  # past the NUL; records do not touch, so no two marks meet
    inside = np.cumsum(edges[:-1], dtype=np.int8) > 0
    keys = raw[low:high][inside].tobytes().decode("utf-8").split("\0")[:-1]
    by_id = [""] * count
    for rank, key in zip(order.tolist(), keys):
        by_id[rank] = key
    return tuple(by_id)


def read_crfsuite(path: str | Path) -> ChainCRF:
    """The CRF in a model file written by crfsuite (`pycrfsuite.Trainer.train`)."""
    path = Path(path)
    try:
        buffer = path.read_bytes()
        magic, size, kind, _, _, n_labels, n_attributes, features, labels, attributes, _, _ = \
            _HEADER.unpack_from(buffer)
    except (OSError, struct.error) as err:
        raise KgError(f"{path}: not a model file kg can read ({err})") from None
    if magic != b"lCRF" or kind != b"FOMC" or size != len(buffer):
        raise KgError(f"{path}: not a model file kg can read (not a crfsuite CRF1d model)")
    try:
        (count,) = struct.unpack_from("<I", buffer, features + 8)
        records = np.frombuffer(buffer, _FEATURE, count, features + _CHUNK)
        label_names = _strings(buffer, labels, path)
        attribute_names = _strings(buffer, attributes, path)
    except (ValueError, struct.error, UnicodeDecodeError) as err:
        raise KgError(f"{path}: not a model file kg can read ({err})") from None
    state = np.zeros((n_attributes, n_labels))
    transition = np.zeros((n_labels, n_labels))
    for kind_, table in ((_STATE, state), (_TRANSITION, transition)):
        chosen = records[records["type"] == kind_]
        np.add.at(table, (chosen["source"].astype(np.intp), chosen["target"].astype(np.intp)), chosen["weight"])
    return ChainCRF(label_names, attribute_names, state, transition)


@dataclass
class Tagging:
    """One layer's best label per character (index into `labels`) and that label's marginal."""
    labels: tuple[str, ...]
    best: np.ndarray
    marginal: np.ndarray


_IMPOSSIBLE = -1e30  # state score of the labels a layer lacks (layers are padded to one width)


class LayerTaggers:
    """Several CRFs over the same character features, decoded together: one attribute index,
    state weights side by side, labels padded to the widest layer."""

    def __init__(self, crfs: dict[str, ChainCRF]):
        self.crfs = crfs
        self.index: dict[str, int] = {}
        for crf in crfs.values():
            for name in crf.attributes:
                self.index.setdefault(name, len(self.index))
        width = max(len(crf.labels) for crf in crfs.values())
        # (layer, label, attribute): one contiguous row of weights per label for bincount
        self.weights = np.zeros((len(crfs), width, len(self.index)))
        self.padding = np.zeros((len(crfs), width))
        self.transition = np.zeros((len(crfs), width, width))
        for k, crf in enumerate(crfs.values()):
            rows = np.fromiter(map(self.index.__getitem__, crf.attributes), np.intp, len(crf.attributes))
            self.weights[k, :len(crf.labels), rows] = crf.state
            self.padding[k, len(crf.labels):] = _IMPOSSIBLE
            self.transition[k, :len(crf.labels), :len(crf.labels)] = crf.transition

    def state_scores(self, characters: int, rows: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """(characters, layers, labels): the summed weights of each character's attributes."""
        layers, width, _ = self.weights.shape
        scores = np.empty((characters, layers, width))
        for k in range(layers):
            for j in range(width):
                scores[:, k, j] = np.bincount(rows, self.weights[k, j][ids], characters)
        return scores + self.padding

    def tag(self, characters: int, rows: np.ndarray, ids: np.ndarray,
            spans: list[tuple[int, int]]) -> dict[str, Tagging]:
        """Every layer's tagging of the characters (features as kg.extract.model.features.Features.encode
        gives them: character and attribute id of each feature `index` knows), each
        [start, end) of `spans` one sequence; characters outside every span get label 0, marginal 0."""
        scores = self.state_scores(characters, rows, ids)
        order = _Order([(s, e - s) for s, e in spans if e > s])
        best = np.zeros((characters, len(self.crfs)), np.intp)
        marginal = np.zeros((characters, len(self.crfs)))
        if order.total:
            stepwise = scores[order.positions]
            best_steps = _viterbi(stepwise, self.transition, order)
            best[order.positions] = best_steps
            marginal[order.positions] = np.take_along_axis(
                _marginals(stepwise, self.transition, order), best_steps[:, :, None], axis=2)[:, :, 0]
        return {layer: Tagging(crf.labels, best[:, k], marginal[:, k]) for k, (layer, crf) in enumerate(self.crfs.items())}


class _Order:
    """Sequences laid out step by step: all first characters (longest sequence first), then all
    second characters, …; at step t the sequences still running are a prefix of `counts[t]`
    rows, `blocks[t]`."""

    def __init__(self, sequences: list[tuple[int, int]]):
        sequences.sort(key=lambda s: -s[1])
        starts = np.array([s for s, _ in sequences], np.intp)
        lengths = np.array([n for _, n in sequences], np.intp)
        longest = int(lengths[0]) if len(lengths) else 0
        active = np.searchsorted(-lengths, -np.arange(longest), side="left")  # sequences longer than t
        offsets = np.concatenate([[0], np.cumsum(active)])
        self.total = int(offsets[-1])
        rank = np.arange(self.total) - np.repeat(offsets[:-1], active)
        self.positions = starts[rank] + np.repeat(np.arange(longest), active)
        self.counts: list[int] = active.tolist()
        self.blocks = [slice(a, a + n) for a, n in zip(offsets.tolist(), self.counts)]


def _best_moves(delta: np.ndarray, transition: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each (sequence, layer, label): the best score reaching it and the label it comes from
    (the first of equals). One label at a time: numpy reduces a short middle axis slowly."""
    best = delta[:, :, 0, None] + transition[:, 0, :]
    source = np.zeros(best.shape, np.intp)
    for i in range(1, delta.shape[2]):
        score = delta[:, :, i, None] + transition[:, i, :]
        source[score > best] = i
        np.maximum(best, score, out=best)
    return best, source


def _viterbi(state: np.ndarray, transition: np.ndarray, order: _Order) -> np.ndarray:
    """The best label at every step and layer (crfsuite's: ties go to the lowest label)."""
    counts, blocks = order.counts, order.blocks
    delta = state[blocks[0]]
    final = np.empty_like(delta)
    back = np.empty(state.shape, np.intp)
    for t in range(1, len(counts)):
        n = counts[t]
        final[n:counts[t - 1]] = delta[n:]
        delta, back[blocks[t]] = _best_moves(delta[:n], transition)
        delta += state[blocks[t]]
    final[:len(delta)] = delta
    label = final.argmax(axis=2).ravel()  # (sequence, layer) flattened
    best = np.empty(state.shape[:2], np.intp)
    flat_best, flat_back = best.reshape(-1), back.reshape(-1)
    width = state.shape[2]
    row = np.arange(state.shape[0] * state.shape[1]) * width  # where each (step, layer)'s pointers start
    layers = state.shape[1]
    for t in range(len(counts) - 1, 0, -1):
        first, size = blocks[t].start * layers, counts[t] * layers
        flat_best[first:first + size] = label[:size]
        label[:size] = flat_back[row[first:first + size] + label[:size]]
    flat_best[:counts[0] * layers] = label
    return best


def _marginals(state: np.ndarray, transition: np.ndarray, order: _Order) -> np.ndarray:
    """P(label) at every step, layer and label, by scaled forward-backward."""
    counts, blocks = order.counts, order.blocks
    potential = np.exp(state - state.max(axis=2, keepdims=True))
    moves = np.exp(transition)
    alpha = np.empty_like(potential)
    scale = np.empty(potential.shape[:2] + (1,))
    a = potential[blocks[0]]
    for t in range(len(counts)):
        if t:
            a = (a[:counts[t], :, None, :] @ moves)[:, :, 0, :] * potential[blocks[t]]
        scale[blocks[t]] = total = a.sum(axis=2, keepdims=True)
        a = a / total
        alpha[blocks[t]] = a
    beta = np.ones_like(potential)
    for t in range(len(counts) - 2, -1, -1):
        later = blocks[t + 1]
        here = slice(blocks[t].start, blocks[t].start + counts[t + 1])
        beta[here] = (moves @ (potential[later] * beta[later])[:, :, :, None])[:, :, :, 0] / scale[later]
    return alpha * beta
