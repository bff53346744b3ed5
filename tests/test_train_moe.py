"""MoE models (Qwen2-MoE, Mixtral; tests/train_families.py): the router's load-balancing loss
when the config asks for it, and LoRA on the routed experts at the default dropout."""

import pytest
import torch

from plug_train import TrainConfig, batching, data, train, trainer
from plug_train import model as M
from plug_train.smoke import plug_rows, write_jsonl
from train_families import build

MOE = ["qwen2_moe", "mixtral"]


@pytest.fixture(scope="module")
def moe_models(tmp_path_factory):
    root = tmp_path_factory.mktemp("moe")
    return {f: build(f, root / f, config_overrides={"output_router_logits": True, "router_aux_loss_coef": 0.5})
            for f in MOE}


def grads(model, loss):
    model.zero_grad(set_to_none=True)
    loss.backward()
    return {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}


@pytest.mark.parametrize("family", MOE)
def test_the_router_loss_is_added_when_the_config_asks_for_it(moe_models, family):
    """Our step's loss (summed terms / supervised tokens) has the gradients of transformers' own
    ``loss`` with labels: mean cross-entropy + router_aux_loss_coef x aux loss.  Before, the aux
    term was computed and dropped (no labels are passed): the gradients of the router differed."""
    model = M.load_model(str(moe_models[family]), False).train()
    torch.manual_seed(0)
    ids = torch.randint(4, 300, (20,)).tolist()
    labels = [data.IGNORE] * 8 + ids[8:]
    mb = batching.collate([data.Encoded(ids, labels)])
    ce, router = trainer.micro_terms(model, mb, True)
    assert router is not None and float(router) > 0
    ours = grads(model, (ce + router) / mb.n_loss)
    cross_entropy_only = grads(model, trainer.micro_terms(model, mb, True)[0] / mb.n_loss)  # the code before
    model.set_attn_implementation("eager")  # transformers' own path end to end
    own = model(input_ids=torch.tensor([ids]), labels=torch.tensor([labels]), use_cache=False)
    theirs = grads(model, own.loss)
    assert float((ce + router) / mb.n_loss) == pytest.approx(float(own.loss), rel=1e-5)
    for name, g in theirs.items():
        assert torch.allclose(ours[name], g, rtol=1e-4, atol=1e-6), name
    router_weights = [n for n in theirs if ".gate." in n or n.endswith(".gate.weight")]
    assert router_weights and any(not torch.allclose(cross_entropy_only[n], theirs[n]) for n in router_weights)


@pytest.mark.parametrize("family", MOE)
def test_without_the_config_flag_no_router_term(moe_models, family):
    model = M.load_model(str(moe_models[family]), False)
    model.config.output_router_logits = False  # the families' default
    mb = batching.collate([data.Encoded(list(range(4, 20)), list(range(4, 20)))])
    assert trainer.micro_terms(model, mb, True)[1] is None


@pytest.mark.parametrize("family", MOE)
def test_lora_adapts_every_routed_expert_at_the_default_dropout(moe_models, family):
    """--lora with defaults (dropout 0.1, PLUG's): every MoE layer's routed experts get an adapter
    and learn; the attention (and shared-expert) adapters keep the dropout; routers stay frozen and
    unadapted.  Before, peft refused the whole run (no dropout on fused expert weights)."""
    cfg = TrainConfig(lora=True, lora_r=4)
    assert cfg.lora_dropout == 0.1
    model = M.add_lora(M.load_model(str(moe_models[family]), False), cfg).train()
    names = [n for n, _ in model.named_parameters() if "lora_" in n]
    for layer in range(2):
        experts = [n for n in names if f"layers.{layer}.mlp.experts" in n]
        assert len(experts) >= 4, names  # A and B of gate_up_proj and of down_proj
    assert not any(".gate." in n and "experts" not in n and "shared" not in n for n in names)
    dropouts = {type(d).__name__: d for m in model.modules() if hasattr(m, "lora_dropout")
                for d in m.lora_dropout.values()}
    assert dropouts["Dropout"].p == 0.1 and "Identity" in dropouts  # linear layers; experts have none
    mb = batching.collate([data.Encoded(list(range(4, 24)), list(range(4, 24)))])
    g = grads(model, trainer.micro_loss(model, mb, True))
    expert_b = {n: v for n, v in g.items() if "experts" in n and "lora_B" in n}  # B starts at 0: A's grad is 0
    assert len(expert_b) == 4 and all(float(v.abs().sum()) > 0 for v in expert_b.values()), list(g)


@pytest.mark.slow
@pytest.mark.parametrize("family", MOE)
def test_moe_lora_trains_saves_and_merges_to_the_same_logits(moe_models, family, tmp_path):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    rows = write_jsonl(tmp_path / "rows.jsonl", plug_rows(6, max_words=12))
    out = train(TrainConfig(model=str(moe_models[family]), data=[str(rows)], output=str(tmp_path / "run"),
                            max_steps=3, batch_size=2, lr=5e-2, warmup_ratio=0.0, lora=True, lora_r=4,
                            merge_lora=True, progress=False))
    ids = torch.tensor([list(range(4, 30))])
    base = AutoModelForCausalLM.from_pretrained(str(moe_models[family]))
    with torch.no_grad():
        before = base(input_ids=ids).logits
        adapted = PeftModel.from_pretrained(base, str(out)).eval()(input_ids=ids).logits
        merged = AutoModelForCausalLM.from_pretrained(str(out / "merged"))(input_ids=ids).logits
    assert (adapted - before).abs().max() > 1e-3  # the adapter learned something
    torch.testing.assert_close(merged, adapted, rtol=1e-4, atol=1e-4)
