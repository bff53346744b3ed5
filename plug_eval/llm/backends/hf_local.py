"""``hf:PATH``: a local transformers causal LM (a judge or a translator), generating in batches.

:mod:`plug_eval.llm.engine` hands this backend ``batch_size`` requests at a time (``-J batch_size=N``,
default 8); they are chat-formatted, left-padded and generated together in a worker thread so
the event loop stays free.  Greedy unless ``temperature`` > 0.  torch and transformers are
imported only when the first batch runs.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from typing import Any

from plug_eval.errors import PlugEvalError
from plug_eval.llm.base import Backend, BackendOptions, CallError, PermanentError, Reply, Request

DEFAULT_BATCH = 8


class HFBackend(Backend):
    name = "hf"
    local = True

    def __init__(self, options: BackendOptions) -> None:
        super().__init__(options)
        self.batch_size = int(options.extra.get("batch_size", DEFAULT_BATCH))
        self._model: Any = None
        self._tok: Any = None
        self._lock = threading.Lock()

    def check(self) -> None:
        import importlib.util
        from pathlib import Path

        for pkg in ("torch", "transformers"):
            if importlib.util.find_spec(pkg) is None:
                raise PlugEvalError(f'the hf backend needs {pkg}: pip install "plug-eval[hf]"')
        if not Path(self.options.model).exists():
            raise PlugEvalError("hf backend: no such model directory", self.options.model)

    def _load(self) -> None:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        self._tok = AutoTokenizer.from_pretrained(self.options.model)
        self._tok.padding_side = "left"
        if self._tok.pad_token is None:
            self._tok.pad_token = self._tok.eos_token
        self._model = AutoModelForCausalLM.from_pretrained(self.options.model, dtype=self.options.extra.get("dtype"))
        device = self.options.extra.get("device")
        if device:
            self._model.to(device)
        self._model.eval()

    def _prompt(self, req: Request) -> str:
        messages = ([{"role": "system", "content": req.system}] if req.system else [])
        messages.append({"role": "user", "content": req.user})
        if not getattr(self._tok, "chat_template", None):
            return "\n\n".join(m["content"] for m in messages) + "\n\n"
        try:
            return self._tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        except Exception:  # a template that refuses the system role: fold it into the user turn
            merged = [{"role": "user", "content": "\n\n".join(m["content"] for m in messages)}]
            return self._tok.apply_chat_template(merged, tokenize=False, add_generation_prompt=True)

    def _generate(self, requests: Sequence[Request]) -> list[Reply | CallError]:
        import torch

        with self._lock:
            if self._model is None:
                self._load()
            decoding = dict(requests[0].decoding)
            max_new = int(decoding.get("max_tokens", 512))
            limit = getattr(self._model.config, "max_position_embeddings", None)
            enc = self._tok([self._prompt(r) for r in requests], return_tensors="pt", padding=True,
                            add_special_tokens=False).to(self._model.device)
            width = enc["input_ids"].shape[1]
            if limit and width + max_new > limit:
                err = PermanentError(f"prompt of {width} tokens + {max_new} new exceeds the model's {limit}",
                                     kind="too-long")
                return [err for _ in requests]
            temp = float(decoding.get("temperature", 0) or 0)
            sampling = {"do_sample": True, "temperature": temp} if temp > 0 else {"do_sample": False}
            with torch.no_grad():
                out = self._model.generate(**enc, max_new_tokens=max_new, pad_token_id=self._tok.pad_token_id,
                                           **sampling)
            return [self._reply(enc, out, i, max_new) for i in range(len(requests))]

    def _reply(self, enc: Any, out: Any, i: int, max_new: int) -> Reply:
        width = enc["input_ids"].shape[1]
        new = out[i, width:].tolist()
        eos = self._tok.eos_token_id
        n_out = new.index(eos) + 1 if eos in new else len(new)
        text = self._tok.decode(new[:n_out], skip_special_tokens=True)
        return Reply(text=text, input_tokens=int(enc["attention_mask"][i].sum()), output_tokens=n_out,
                          finish_reason="length" if n_out >= max_new and eos not in new else "stop")

    async def complete_batch(self, requests: Sequence[Request]) -> list[Reply | CallError]:
        return await asyncio.to_thread(self._generate, list(requests))

    async def complete(self, request: Request) -> Reply:
        reply = (await self.complete_batch([request]))[0]
        if isinstance(reply, CallError):
            raise reply
        return reply
