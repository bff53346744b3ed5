"""X-TruthfulQA: TruthfulQA questions in five languages, answered here and judged later."""
