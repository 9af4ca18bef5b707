"""`python -m paperclaims`: the same as the `paperclaims` command."""
from .cli import app

app(prog_name="paperclaims")
