// The OpenTelemetry source: the OTLP JSON files the Collector's file exporter writes,
// holding Claude Code's events or the GenAI spans of agents built on the API
// (docs/otel-format.md), recognised by their content wherever they lie.
import type {Source} from "../types.ts";
import {namedOtlp, oneGroup, otlpUnder, type OtelGroup} from "./discover.ts";
import {EVENTS} from "./events.ts";
import {readOtel} from "./group.ts";
import {SPANS} from "./spans.ts";

export const otel: Source<OtelGroup> = {
  name: "otel",
  // It holds agents built on the API (GenAI spans), and Claude Code's own events where an analyst gives them.
  label: "OpenTelemetry (API agents)",
  // Claude Code's own events, and the GenAI spans of agents built on the API.
  kinds: [EVENTS, SPANS],
  file: namedOtlp,
  folder: otlpUnder,
  gather: oneGroup,
  // One group holds every OTLP file of an ingest.
  key: () => "",
  owner: () => "",
  read: readOtel
};
