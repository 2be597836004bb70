-- Who is involved in a tool call (F6, F7): `involvement()` is every tool call with its
-- session's source and sessions' kind, and two columns the findings count, defined here
-- once: `involved` (a person is involved) and `safeguarded` (it has a safeguard).
--
-- Where approvals are logged (Claude Code's transcripts and events), they are the call's
-- own columns (docs/findings.md, "Human in the loop and safeguard"): `human_in_loop` (the
-- person approved it, or the permission level of its turn asks them to) and `safeguard`
-- (that, or a hook, or a level that asks).
--
-- GenAI agent spans (agents built on the API) log no approvals: their sessions'
-- `logs_approvals` is false. There a call's `human_in_loop` only says whether that call
-- itself asks, hands off to, escalates to or waits for a person (the involvesPerson
-- classifier: `request_human_approval`, `escalate_to_agent`, ...). Read call by call,
-- it would say that the lookup before an approval and the refund after it had no one
-- involved. The study asked whether a person was involved in the work a call was part
-- of, so here, for such sources:
-- - involved: the call belongs to an agent run (a turn: one `invoke_agent` and what it
--   did) in which the agent asked, handed off to or waited for a person. A lookup, an
--   approval and a refund in one run are three involved calls;
-- - safeguarded: the call belongs to a conversation (a session) in which the agent did
--   so at least once: the agent has a person to turn to, in this run or another.
-- A call outside any run (no agent span above it) counts by its own flag.
create or replace macro involvement() as table
  select
    c.*,
    session_type(s.kind, s.interactive) as sessions,
    case
      when s.logs_approvals or c.turn_index is null then c.human_in_loop
      else bool_or(c.human_in_loop) over (partition by c.user_id, c.session_id, c.turn_index)
    end as involved,
    case
      when s.logs_approvals then c.safeguard
      else bool_or(c.human_in_loop) over (partition by c.user_id, c.session_id)
    end as safeguarded
  from tool_calls as c
  join sessions as s using (user_id, session_id);
