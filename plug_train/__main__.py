"""``python -m plug_train`` (what ``accelerate launch -m plug_train`` runs)."""

from .cli import main

main()
