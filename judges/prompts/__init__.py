"""What a judge is asked and how its reply is read: presets (YAML), templates (jinja2), rendering
with the answers fenced as untrusted text, and the verdict parsers.  Data lives beside the code:
``presets/*.yaml`` and ``templates/*.j2``."""
