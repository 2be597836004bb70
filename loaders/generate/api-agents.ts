// What the API-side population is made of: agents built on the API, by the domain of
// their work, each with the names its developers gave it and the tools it calls. The
// words are the generator's own, written as developers name agents and tools; the
// ingest's classifiers read them back (risk, domain, whether a tool involves a person)
// without knowing this file. The numbers that shape the population are in
// data/calibration.json (`api`).
//
// Tools come in four kinds, which is all the generator knows of them: `reads` look things
// up, `writes` change the agent's own workspace or records, `acts` have effects beyond it
// (money, messages sent, deletions, deploys, devices), and `person` ask, hand off to,
// escalate to or wait for a person.

export type ToolKinds = {reads: string[]; writes: string[]; acts: string[]};

export type AgentKind = ToolKinds & {
  /** `gen_ai.agent.name`; the service (its resource's `service.name`) is named after it. */
  names: string[];
  person: string[];
  /** A nested agent it hands part of a long run to. */
  sub: ToolKinds & {names: string[]};
};

/** Agent kinds by the domain of their work (the keys of the study's F8 mix). */
export const AGENT_KINDS: Record<string, AgentKind[]> = {
  software_engineering: [
    {
      names: ["coding-agent", "pr-review-bot", "ci-fix-agent", "repo-maintainer-agent", "code-migration-agent"],
      reads: ["read_file", "list_directory", "search_code", "get_file_contents", "git_diff", "git_log", "get_pull_request", "list_issues", "view_ci_logs"],
      writes: ["edit_file", "write_file", "apply_patch", "run_tests", "run_linter", "bash", "create_branch", "git_commit", "create_pull_request", "comment_on_issue"],
      acts: ["merge_pull_request", "delete_branch", "publish_package", "deploy_to_production"],
      person: ["request_review", "ask_user", "request_human_approval"],
      sub: {names: ["code-explorer", "test-runner"], reads: ["search_code", "read_file", "list_directory", "git_log"], writes: ["run_tests", "bash", "edit_file"], acts: []}
    },
    {
      names: ["kubernetes-sre-agent", "k8s-incident-bot", "deploy-assistant"],
      reads: ["get_service_logs", "query_metrics", "get_deployment_status", "list_pods", "describe_service", "get_recent_commits"],
      writes: ["create_incident", "update_incident_timeline", "scale_deployment", "restart_service", "run_diagnostics"],
      acts: ["deploy_to_production", "rollback_release", "delete_pod"],
      person: ["page_oncall", "request_deploy_approval"],
      sub: {names: ["log-analyzer", "release-agent"], reads: ["get_service_logs", "query_metrics", "list_pods"], writes: ["run_diagnostics", "scale_deployment"], acts: ["deploy_to_production"]}
    },
    {
      names: ["api-integration-agent", "schema-migration-agent"],
      reads: ["get_openapi_spec", "read_file", "describe_database_schema", "list_endpoints", "get_api_docs"],
      writes: ["generate_client_code", "write_file", "run_migration_dry_run", "run_tests", "update_schema_file"],
      acts: ["apply_database_migration", "drop_table"],
      person: ["request_human_approval", "ask_user"],
      sub: {names: ["schema-checker"], reads: ["describe_database_schema", "read_file"], writes: ["run_tests"], acts: []}
    }
  ],
  back_office: [
    {
      names: ["back-office-automation", "inbox-assistant", "hr-workflow-agent"],
      reads: ["read_inbox", "get_email", "get_calendar_events", "search_drive", "list_tasks", "get_employee_record"],
      writes: ["create_calendar_event", "create_task", "update_task_status", "file_expense_report", "log_timesheet", "archive_email", "fill_form"],
      acts: ["send_email", "delete_calendar_event"],
      person: ["request_manager_approval", "submit_for_review", "wait_for_approval"],
      sub: {names: ["inbox-triage"], reads: ["read_inbox", "get_email"], writes: ["archive_email", "create_task"], acts: []}
    },
    {
      names: ["hr-onboarding-agent", "procurement-agent"],
      reads: ["get_onboarding_checklist", "get_employee_record", "list_purchase_requests", "get_vendor_details"],
      writes: ["update_hr_record", "create_purchase_request", "assign_onboarding_task", "schedule_meeting", "update_onboarding_status"],
      acts: ["send_welcome_email", "revoke_system_access"],
      person: ["request_manager_approval", "wait_for_hr_approval"],
      sub: {names: ["document-collector"], reads: ["search_drive", "get_employee_record"], writes: ["update_onboarding_status"], acts: []}
    }
  ],
  other: [
    {
      names: ["general-assistant", "personal-assistant", "concierge-agent"],
      reads: ["web_search", "get_weather", "get_current_time", "calculator", "translate_text", "get_news_headlines", "unit_converter"],
      writes: ["generate_image", "save_preference", "create_note"],
      acts: ["post_to_social", "delete_note"],
      person: ["ask_user", "ask_clarifying_question"],
      sub: {names: ["web-researcher"], reads: ["web_search", "fetch_url"], writes: ["create_note"], acts: []}
    },
    {
      names: ["home-automation-agent", "lab-automation-agent", "emergency-dispatch-agent"],
      reads: ["read_sensor", "get_device_status", "check_air_quality", "get_camera_snapshot", "get_alarm_status"],
      writes: ["set_thermostat", "robot_move_container", "adjust_lighting", "log_incident_report"],
      acts: ["unlock_door", "dispense_reagent", "dispatch_fire_crew", "disarm_alarm"],
      person: ["request_operator_confirmation", "wait_for_human", "contact_supervisor"],
      sub: {names: ["device-controller"], reads: ["get_device_status", "read_sensor"], writes: ["adjust_lighting", "robot_move_container"], acts: ["unlock_door"]}
    }
  ],
  marketing: [
    {
      names: ["marketing-agent", "campaign-assistant", "seo-content-agent"],
      reads: ["get_campaign_stats", "get_audience_segments", "search_keywords", "analyze_engagement", "get_brand_guidelines"],
      writes: ["draft_social_post", "create_campaign", "update_landing_page_copy", "schedule_newsletter", "generate_ad_copy"],
      acts: ["publish_social_post", "send_newsletter"],
      person: ["request_brand_approval", "submit_for_review"],
      sub: {names: ["copywriter"], reads: ["get_brand_guidelines", "search_keywords"], writes: ["generate_ad_copy", "draft_social_post"], acts: []}
    }
  ],
  sales_crm: [
    {
      names: ["sales-assistant", "crm-agent", "sales-lead-qualifier"],
      reads: ["get_lead", "search_contacts", "get_deal", "list_opportunities", "get_account_history", "enrich_company_profile"],
      writes: ["update_deal_stage", "create_contact", "log_call_notes", "score_lead", "add_to_sequence", "create_follow_up_task"],
      acts: ["send_outreach_email"],
      person: ["request_manager_approval", "assign_to_human_rep"],
      sub: {names: ["lead-researcher"], reads: ["enrich_company_profile", "search_contacts"], writes: ["score_lead"], acts: []}
    }
  ],
  finance: [
    {
      names: ["accounting-agent", "payments-ops-bot", "trading-assistant", "quickbooks-bookkeeper"],
      reads: ["get_account_balance", "get_transactions", "get_stock_price", "get_portfolio", "get_invoice", "get_exchange_rate"],
      writes: ["create_invoice", "update_ledger", "categorize_transaction", "reconcile_statement", "record_journal_entry"],
      acts: ["execute_trade", "process_payment", "transfer_funds", "issue_refund"],
      person: ["request_approval", "wait_for_cfo_approval"],
      sub: {names: ["reconciler", "payment-runner"], reads: ["get_transactions", "get_invoice"], writes: ["reconcile_statement", "categorize_transaction"], acts: ["process_payment", "transfer_funds"]}
    }
  ],
  data_analysis: [
    {
      names: ["analytics-agent", "tableau-bi-assistant", "bigquery-analyst-agent"],
      reads: ["run_sql_query", "get_dashboard", "list_datasets", "describe_table", "get_metric_definitions", "preview_csv"],
      writes: ["create_chart", "update_dashboard", "export_csv", "save_notebook", "create_pivot_table"],
      acts: ["email_report"],
      person: ["ask_user", "ask_clarifying_question"],
      sub: {names: ["query-writer"], reads: ["run_sql_query", "describe_table"], writes: ["create_chart"], acts: []}
    }
  ],
  academic_research: [
    {
      names: ["research-assistant", "arxiv-research-agent"],
      reads: ["search_arxiv", "get_paper", "search_papers", "fetch_citations", "get_paper_abstract"],
      writes: ["save_reference", "add_citation", "update_bibliography", "draft_literature_review", "annotate_paper"],
      acts: ["submit_manuscript"],
      person: ["ask_user", "request_advisor_approval"],
      sub: {names: ["paper-summarizer"], reads: ["get_paper", "get_paper_abstract"], writes: ["annotate_paper"], acts: []}
    }
  ],
  cybersecurity: [
    {
      names: ["threat-hunting-agent", "vulnerability-scanner-agent", "phishing-triage-bot"],
      reads: ["nmap_scan", "query_siem", "get_vulnerability_report", "check_threat_intel", "lookup_cve", "scan_url"],
      writes: ["update_firewall_rule", "block_ip_address", "isolate_host", "quarantine_email", "open_security_incident"],
      acts: ["disable_user_account", "delete_malicious_email"],
      person: ["request_analyst_approval", "page_oncall"],
      sub: {names: ["recon-agent"], reads: ["nmap_scan", "scan_url", "check_threat_intel"], writes: ["block_ip_address"], acts: []}
    },
    {
      names: ["pentest-agent", "red-team-pentest-agent"],
      reads: ["nmap_scan", "enumerate_subdomains", "read_env_file", "list_secrets", "fingerprint_service"],
      writes: ["write_file", "inject_payload", "bash"],
      acts: ["send_secrets_to_webhook", "upload_credentials"],
      person: ["request_human_approval"],
      sub: {names: ["payload-agent"], reads: ["read_env_file", "list_secrets"], writes: ["inject_payload", "bash"], acts: ["send_secrets_to_webhook", "upload_credentials"]}
    }
  ],
  customer_service: [
    {
      names: ["zendesk-support-agent", "helpdesk-assistant", "intercom-support-bot"],
      reads: ["get_ticket", "search_help_center", "get_customer_profile", "get_order_status", "list_recent_tickets"],
      writes: ["update_ticket", "add_ticket_note", "tag_conversation", "create_support_ticket"],
      acts: ["send_customer_reply", "issue_refund", "close_ticket"],
      person: ["escalate_to_agent", "transfer_to_human", "escalate_ticket"],
      sub: {names: ["kb-searcher"], reads: ["search_help_center", "get_ticket"], writes: ["add_ticket_note"], acts: []}
    }
  ],
  gaming: [
    {
      names: ["game-master-agent", "npc-dialogue-agent", "game-ops-bot"],
      reads: ["get_player_stats", "get_game_state", "get_leaderboard", "get_quest_log", "get_match_history"],
      writes: ["update_game_state", "spawn_npc", "award_item", "move_character", "start_quest"],
      acts: ["ban_player", "grant_currency"],
      person: ["request_moderator_review", "request_player_input"],
      sub: {names: ["npc-agent"], reads: ["get_game_state", "get_quest_log"], writes: ["move_character", "spawn_npc"], acts: []}
    }
  ],
  documents: [
    {
      names: ["pdf-document-assistant", "slide-builder-agent", "docx-report-writer"],
      reads: ["read_pdf", "get_document", "extract_tables_from_pdf", "search_documents", "get_template"],
      writes: ["create_presentation", "add_slide", "update_docx", "generate_pdf", "format_spreadsheet", "insert_chart"],
      acts: ["share_document_externally", "delete_document"],
      person: ["request_review", "ask_user"],
      sub: {names: ["slide-designer"], reads: ["get_template"], writes: ["add_slide", "insert_chart"], acts: []}
    }
  ],
  education: [
    {
      names: ["tutor-agent", "course-assistant", "grading-assistant"],
      reads: ["get_student_progress", "get_lesson", "search_curriculum", "get_assignment", "get_rubric"],
      writes: ["create_quiz", "grade_submission", "update_lesson_plan", "record_attendance", "give_feedback"],
      acts: ["send_parent_message", "publish_grades"],
      person: ["request_instructor_approval", "request_teacher_approval"],
      sub: {names: ["quiz-generator"], reads: ["get_lesson", "search_curriculum"], writes: ["create_quiz"], acts: []}
    }
  ],
  ecommerce: [
    {
      names: ["shopify-store-assistant", "storefront-agent", "ecommerce-order-agent"],
      reads: ["lookup_order", "search_product_catalog", "get_inventory", "track_order", "get_cart"],
      writes: ["add_to_cart", "update_cart", "update_product_listing", "apply_coupon", "update_shipping_address"],
      acts: ["place_order", "cancel_order"],
      person: ["request_human_approval", "transfer_to_human"],
      sub: {names: ["catalog-searcher"], reads: ["search_product_catalog", "get_inventory"], writes: ["update_product_listing"], acts: []}
    }
  ],
  healthcare: [
    {
      names: ["clinical-assistant", "patient-intake-agent", "pharmacy-assistant"],
      reads: ["get_patient_record", "search_medications", "check_drug_interactions", "get_lab_results", "get_appointment_slots"],
      writes: ["update_patient_record", "schedule_appointment", "record_symptoms", "draft_discharge_summary"],
      acts: ["send_prescription", "cancel_appointment"],
      person: ["request_physician_approval", "escalate_to_nurse"],
      sub: {names: ["triage-agent"], reads: ["get_patient_record", "get_lab_results"], writes: ["record_symptoms"], acts: []}
    }
  ],
  legal: [
    {
      names: ["legal-assistant", "contract-review-agent"],
      reads: ["get_contract", "extract_clauses", "search_case_law", "get_compliance_policy", "compare_contract_versions"],
      writes: ["draft_clause", "redline_contract", "add_contract_comment", "update_matter_notes"],
      acts: ["send_contract_for_signature"],
      person: ["request_legal_review", "ask_user"],
      sub: {names: ["clause-extractor"], reads: ["extract_clauses", "get_contract"], writes: ["add_contract_comment"], acts: []}
    }
  ],
  travel_logistics: [
    {
      names: ["travel-agent", "logistics-coordinator", "freight-dispatch-agent"],
      reads: ["search_flights", "search_hotels", "get_shipment_status", "track_shipment", "get_delivery_eta"],
      writes: ["book_flight", "reserve_hotel", "update_delivery_route", "create_shipment", "update_itinerary"],
      acts: ["cancel_booking", "purchase_travel_insurance"],
      person: ["request_traveler_confirmation", "request_dispatcher_confirmation"],
      sub: {names: ["route-planner"], reads: ["get_delivery_eta", "track_shipment"], writes: ["update_delivery_route"], acts: []}
    }
  ]
};

/** The instrumentation an agent's spans come from (its resource's SDK, its spans' scope). */
export const SDKS = [
  {language: "python", scope: "opentelemetry.instrumentation.anthropic", version: "0.40.7"},
  {language: "nodejs", scope: "@traceloop/instrumentation-anthropic", version: "0.14.1"},
  {language: "python", scope: "openinference.instrumentation.anthropic", version: "0.1.19"},
  {language: "java", scope: "io.opentelemetry.genai", version: "2.12.0"}
];

/** Who runs the services (half of them name their service after the organisation). */
export const ORGS = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell", "soylent", "vandelay", "cyberdyne"];

/** The Collectors the agents export to, one folder each. */
export const COLLECTORS = ["gateway-us-east", "gateway-eu-west", "gateway-ap-south"];
