"""User-facing errors: the CLI prints them as one line on stderr and exits non-zero."""
import errno


class KgError(Exception):
    """An error caused by the user's input (bad file, bad query, bad lexicon ...)."""

    exit_code = 2


_REASONS = {
    errno.ENOSPC: "no space left on device (the disk is full)",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system: cannot write here",
    errno.EACCES: "permission denied",
    errno.ENOTDIR: "a file is in the way where a folder is needed",
    errno.EEXIST: "a file is in the way where a folder is needed",
    errno.EPIPE: "the output was closed",
}


def describe_os_error(exc: OSError) -> str:
    """One line naming the file and what is wrong with it: "out/graph.ttl: no space left on device"."""
    reason = _REASONS.get(exc.errno) or (exc.strerror or str(exc)).rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    names = [str(name) for name in (exc.filename, exc.filename2) if name is not None]
    return f"{' -> '.join(names)}: {reason}" if names else f"cannot write the output: {reason}"


def describe_unicode_error(exc: UnicodeError) -> str:
    """One line for text that is not valid UTF-8 (a file name, an argument or a file's bytes)."""
    if isinstance(exc, UnicodeDecodeError):
        return f"bytes that are not valid {exc.encoding} text at position {exc.start}"
    return f"a name or text with bytes that are not valid UTF-8 at position {getattr(exc, 'start', '?')}"
