"""The exit-code contract and the exceptions that carry it.

Each error knows its exit code and says, in one line, what went wrong with
which file and what to do; the CLI prints that line and exits with the code.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Stable and documented in the README; never renumber."""

    OK = 0
    INCONSISTENT = 1  # `annuaire check` found error-severity inconsistencies
    USAGE = 2
    MISSING_FILE = 3
    EMPTY_FILE = 4
    NOT_A_PDF = 5
    CORRUPT_PDF = 6
    ENCRYPTED_PDF = 7
    NO_TEXT_LAYER = 8
    NOT_A_DIRECTORY = 9
    OUTPUT_NOT_WRITABLE = 10
    RESOURCE_LIMIT = 11
    SOME_FILES_FAILED = 12
    NO_PDF_IN_FOLDER = 13
    INTERNAL_ERROR = 70  # a bug of annuaire, as EX_SOFTWARE
    INTERRUPTED = 130


EXIT_CODE_MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: "success (for `check`: no error-severity inconsistency)",
    ExitCode.INCONSISTENT: "`annuaire check` found at least one error-severity inconsistency",
    ExitCode.USAGE: "bad command line (unknown option, missing argument)",
    ExitCode.MISSING_FILE: "an input file does not exist, is not a file or cannot be read",
    ExitCode.EMPTY_FILE: "an input file is empty (0 bytes)",
    ExitCode.NOT_A_PDF: "an input file is not a PDF (no %PDF- header)",
    ExitCode.CORRUPT_PDF: "a PDF is truncated or damaged and cannot be parsed",
    ExitCode.ENCRYPTED_PDF: "a PDF is encrypted and no (or a wrong) --password was given",
    ExitCode.NO_TEXT_LAYER: "a PDF has no text layer (scanned): run OCR first, e.g. ocrmypdf",
    ExitCode.NOT_A_DIRECTORY: "a PDF is readable but not a directory of the label "
    "(no banner, no summary entry, or no edition year)",
    ExitCode.OUTPUT_NOT_WRITABLE: "the --out folder cannot be created or written",
    ExitCode.RESOURCE_LIMIT: "reading a PDF exceeded --timeout or --max-memory, or its "
    "process died",
    ExitCode.SOME_FILES_FAILED: "several files were given and some failed; the good ones "
    "were written, the failures are listed on stderr",
    ExitCode.NO_PDF_IN_FOLDER: "a folder given as input holds no PDF (`*.pdf`; its subfolders "
    "are searched only with --recursive)",
    ExitCode.INTERNAL_ERROR: "a bug in annuaire itself: please report it with the file and "
    "the output of -v",
    ExitCode.INTERRUPTED: (
        "interrupted (Ctrl-C or SIGTERM) before the new tables were in place: earlier outputs "
        "are unchanged (once they are in place, the run ends with its own code)"
    ),
}


class AnnuaireError(Exception):
    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, path: str, cause: str, remedy: str) -> None:
        self.path = path
        self.cause = cause
        self.remedy = remedy
        super().__init__(f"{path}: {cause}; {remedy}")

    def __reduce__(self) -> tuple[type[AnnuaireError], tuple[str, str, str]]:
        # Errors cross process boundaries; rebuild them from their three parts.
        return (self.__class__, (self.path, self.cause, self.remedy))


class MissingFileError(AnnuaireError):
    exit_code = ExitCode.MISSING_FILE


class EmptyFileError(AnnuaireError):
    exit_code = ExitCode.EMPTY_FILE


class NotAPdfError(AnnuaireError):
    exit_code = ExitCode.NOT_A_PDF


class CorruptPdfError(AnnuaireError):
    exit_code = ExitCode.CORRUPT_PDF


class EncryptedPdfError(AnnuaireError):
    exit_code = ExitCode.ENCRYPTED_PDF


class NoTextLayerError(AnnuaireError):
    exit_code = ExitCode.NO_TEXT_LAYER


class StructureNotFoundError(AnnuaireError):
    """The PDF is readable but is not a directory of the label."""

    exit_code = ExitCode.NOT_A_DIRECTORY


class OutputNotWritableError(AnnuaireError):
    exit_code = ExitCode.OUTPUT_NOT_WRITABLE


class ResourceLimitError(AnnuaireError):
    exit_code = ExitCode.RESOURCE_LIMIT


class NoPdfInFolderError(AnnuaireError):
    exit_code = ExitCode.NO_PDF_IN_FOLDER


class InternalError(AnnuaireError):
    exit_code = ExitCode.INTERNAL_ERROR


def encrypted(path: object, password: str | None) -> EncryptedPdfError:
    if password:
        return EncryptedPdfError(str(path), "the password does not open it", "check --password")
    return EncryptedPdfError(str(path), "the PDF is encrypted", "give its password with --password")


def corrupt(path: object, cause: object) -> CorruptPdfError:
    detail = f"{type(cause).__name__}: {cause}".strip().rstrip(":")
    return CorruptPdfError(
        str(path),
        f"the PDF is damaged or truncated ({detail[:120]})",
        "download it again or repair it (e.g. `qpdf in.pdf out.pdf`)",
    )
