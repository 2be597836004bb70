// The names of the classifiers' labels, of the sources and of the agents, from the one place each is defined.
import {DOMAINS} from "../../loaders/classify/domain.ts";
import {AGENT_REASONS, HUMAN_REASONS} from "../../loaders/classify/stop-reason.ts";
import {AGENT_LABELS} from "../../loaders/definitions.ts";
import {LABELS} from "../../loaders/sources/index.ts";

process.stdout.write(JSON.stringify({agent: AGENT_REASONS, human: HUMAN_REASONS, domain: DOMAINS, source: {...LABELS, "(all)": "All sources"}, agents: {...AGENT_LABELS, "(all)": "All agents"}}));
