"""The stages of a briefing, in the order data flows through them: ``extract`` (model, per
source), ``merge`` (plain code, across sources), ``synthesise`` (model, once)."""
