"""Builds the package with a copy of the catalogs (../catalog/*.json and the load order
../conformance/catalogs.json) inside it, so an installed copy needs no checkout."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        source = HERE.parent / "catalog"
        if not (source / "generic.json").is_file():
            raise SystemExit("catalog/ not found next to python/: build from a checkout or the npm package")
        target = Path(self.build_lib) / "vendor_errors" / "catalog"
        target.mkdir(parents=True, exist_ok=True)
        for path in source.glob("*.json"):
            if path.name != "schema.json":
                (target / path.name).write_bytes(path.read_bytes())
        order = HERE.parent / "conformance" / "catalogs.json"
        if order.is_file():
            (target / "catalogs.json").write_bytes(order.read_bytes())


setup(cmdclass={"build_py": BuildWithCatalogs})
