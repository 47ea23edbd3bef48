-- The schema the migrations build, read from the catalog of a freshly migrated database.
-- Written by UPDATE_SCHEMA=1 TZ=UTC npx jest libs/runtime/src/schema-snapshot.spec.ts; do not edit by hand.
schema bullmq
schema public
extension pg_trgm
extension pgcrypto
extension plpgsql
enum bullmq.dep_status ('pending', 'processed', 'ignored', 'failed')
enum bullmq.job_state ('waiting', 'active', 'completed', 'failed', 'delayed', 'waiting-children')
table bullmq.dedup
table bullmq.dedup_next
table bullmq.event
table bullmq.job
table bullmq.job_dependency
table bullmq.job_log
table bullmq.meta
table bullmq.metrics
table bullmq.migration
table bullmq.rate_limit
table bullmq.relay_inbox
table bullmq.relay_node
table bullmq.relay_retained
table bullmq.relay_subscription
table bullmq.scheduler
table public.age_assessment row level security
table public.agency
table public.agency_duty_email
table public.agency_webhook
table public.app_user
table public.asylum_claim row level security
table public.asylum_wish_withdrawal row level security
table public.audit_chain_head
table public.audit_event
table public.audit_legacy_head
table public.best_interests_procedure row level security
table public.border_point
table public.care_placement row level security
table public.case_assignment row level security
table public.case_closure row level security
table public.case_companion row level security
table public.case_file row level security
table public.case_lead row level security
table public.case_note row level security
table public.case_number_counter
table public.case_profile row level security
table public.case_section row level security
table public.case_share row level security
table public.case_task row level security
table public.case_transfer row level security
table public.consent_record row level security
table public.detention_access row level security
table public.detention_episode row level security
table public.detention_review row level security
table public.email_delivery
table public.family_reunification row level security
table public.family_tracing row level security
table public.guardian_appointment row level security
table public.intake_submission row level security
table public.outbox_message
table public.person row level security
table public.person_document row level security
table public.person_name row level security
table public.possible_encounter row level security
table public.profile_decision row level security
table public.profiling_run row level security
table public.protection_flag row level security
table public.referral row level security
table public.referral_event row level security
table public.referral_open_profile row level security
table public.refresh_token
table public.removal_order row level security
table public.safeguard_event row level security
table public.schema_migration
table public.service_delivery row level security
table public.sop_approval
table public.sop_version
table public.trafficking_record row level security
table public.user_email_preference
table public.voluntary_return row level security
column bullmq.dedup.dedup_id text not null
column bullmq.dedup.expire_at_ms bigint
column bullmq.dedup.job_id text not null
column bullmq.dedup.queue text not null
column bullmq.dedup_next.dedup_id text not null
column bullmq.dedup_next.payload jsonb not null
column bullmq.dedup_next.queue text not null
column bullmq.event.created_at_ms bigint not null
column bullmq.event.data jsonb not null default '{}'::jsonb
column bullmq.event.event text not null
column bullmq.event.id bigint not null default nextval('bullmq.event_seq'::regclass)
column bullmq.event.queue text not null
column bullmq.job.added_at_ms bigint not null
column bullmq.job.attempts_made integer not null default 0
column bullmq.job.attempts_started integer not null default 0
column bullmq.job.data jsonb not null default '{}'::jsonb
column bullmq.job.dedup_id text
column bullmq.job.deferred_failure text
column bullmq.job.delay_ms bigint not null default 0
column bullmq.job.failed_reason text
column bullmq.job.finished_at_ms bigint
column bullmq.job.id text not null
column bullmq.job.lock_token text
column bullmq.job.locked_until_ms bigint
column bullmq.job.max_attempts integer not null default 1
column bullmq.job.name text not null
column bullmq.job.opts jsonb not null default '{}'::jsonb
column bullmq.job.parent_id text
column bullmq.job.parent_key text
column bullmq.job.parent_queue text
column bullmq.job.pending_deps integer not null default 0
column bullmq.job.priority integer not null default 0
column bullmq.job.process_at_ms bigint
column bullmq.job.processed_at_ms bigint
column bullmq.job.processed_by text
column bullmq.job.progress jsonb
column bullmq.job.queue text not null
column bullmq.job.return_value jsonb
column bullmq.job.scheduler_id text
column bullmq.job.seq bigint not null
column bullmq.job.stacktrace jsonb
column bullmq.job.stalled_count integer not null default 0
column bullmq.job.stalled_marked boolean not null default false
column bullmq.job.state bullmq.job_state not null
column bullmq.job_dependency.child_id text not null
column bullmq.job_dependency.child_key text not null
column bullmq.job_dependency.child_queue text not null
column bullmq.job_dependency.parent_id text not null
column bullmq.job_dependency.parent_queue text not null
column bullmq.job_dependency.status bullmq.dep_status not null default 'pending'::bullmq.dep_status
column bullmq.job_dependency.value jsonb
column bullmq.job_log.idx bigint not null
column bullmq.job_log.job_id text not null
column bullmq.job_log.queue text not null
column bullmq.job_log.row text not null
column bullmq.meta.field text not null
column bullmq.meta.queue text not null
column bullmq.meta.value text
column bullmq.metrics.count bigint not null default 0
column bullmq.metrics.data bigint[] not null default '{}'::bigint[]
column bullmq.metrics.kind text not null
column bullmq.metrics.prev_count bigint not null default 0
column bullmq.metrics.prev_ts bigint
column bullmq.metrics.queue text not null
column bullmq.migration.applied_at timestamp with time zone not null default now()
column bullmq.migration.min_client_version integer not null
column bullmq.migration.name text not null
column bullmq.migration.version integer not null
column bullmq.rate_limit.expire_at_ms bigint not null
column bullmq.rate_limit.points bigint not null default 0
column bullmq.rate_limit.queue text not null
column bullmq.relay_inbox.data text not null
column bullmq.relay_inbox.endpoints text[] not null
column bullmq.relay_inbox.id bigint not null default nextval('bullmq.relay_inbox_id_seq'::regclass)
column bullmq.relay_inbox.kind text not null
column bullmq.relay_inbox.mid bigint not null
column bullmq.relay_inbox.node_id text not null
column bullmq.relay_inbox.ns text not null
column bullmq.relay_inbox.topic text not null
column bullmq.relay_inbox.ts bigint not null
column bullmq.relay_node.backlog integer not null default 0
column bullmq.relay_node.dropped bigint not null default 0
column bullmq.relay_node.in_flight bigint[] not null default '{}'::bigint[]
column bullmq.relay_node.info jsonb not null default '{}'::jsonb
column bullmq.relay_node.last_heartbeat timestamp with time zone
column bullmq.relay_node.lease_until timestamp with time zone not null
column bullmq.relay_node.node_id text not null
column bullmq.relay_node.ns text not null
column bullmq.relay_node.registered_at timestamp with time zone not null default clock_timestamp()
column bullmq.relay_retained.data text not null
column bullmq.relay_retained.expires_at timestamp with time zone not null
column bullmq.relay_retained.mid bigint not null
column bullmq.relay_retained.ns text not null
column bullmq.relay_retained.topic text not null
column bullmq.relay_retained.ts bigint not null
column bullmq.relay_subscription.endpoint_id text not null
column bullmq.relay_subscription.node_id text not null
column bullmq.relay_subscription.ns text not null
column bullmq.relay_subscription.pattern text not null
column bullmq.relay_subscription.root text
column bullmq.scheduler.end_date_ms bigint
column bullmq.scheduler.every_ms bigint
column bullmq.scheduler.iteration_count integer not null default 0
column bullmq.scheduler.limit_count integer
column bullmq.scheduler.name text
column bullmq.scheduler.next_run_ms bigint
column bullmq.scheduler.offset_ms bigint
column bullmq.scheduler.pattern text
column bullmq.scheduler.producer_id text
column bullmq.scheduler.queue text not null
column bullmq.scheduler.scheduler_id text not null
column bullmq.scheduler.start_date_ms bigint
column bullmq.scheduler.template_data jsonb
column bullmq.scheduler.template_opts jsonb
column bullmq.scheduler.tz text
column public.age_assessment.agency_id uuid not null
column public.age_assessment.case_id uuid not null
column public.age_assessment.completed_on date
column public.age_assessment.created_at timestamp with time zone not null default now()
column public.age_assessment.id uuid not null
column public.age_assessment.maximum_age smallint
column public.age_assessment.method text
column public.age_assessment.minimum_age smallint
column public.age_assessment.recorded_by uuid not null
column public.age_assessment.requested_on date not null
column public.age_assessment.serious_doubt text not null
column public.age_assessment.updated_at timestamp with time zone not null default now()
column public.age_assessment.version integer not null default 1
column public.agency.active boolean not null default true
column public.agency.contact_email text
column public.agency.contact_phone text
column public.agency.coverage_border_point_ids uuid[] not null default '{}'::uuid[]
column public.agency.coverage_regions text[] not null default '{}'::text[]
column public.agency.created_at timestamp with time zone not null default now()
column public.agency.daily_capacity integer
column public.agency.id uuid not null default gen_random_uuid()
column public.agency.kind text not null
column public.agency.languages text[] not null default '{}'::text[]
column public.agency.name text not null
column public.agency.services text[] not null default '{}'::text[]
column public.agency.webhook_url text
column public.agency_duty_email.address text not null
column public.agency_duty_email.agency_id uuid not null
column public.agency_duty_email.language text not null
column public.agency_duty_email.updated_at timestamp with time zone not null default now()
column public.agency_duty_email.updated_by uuid not null
column public.agency_webhook.agency_id uuid not null
column public.agency_webhook.registered_at timestamp with time zone not null default now()
column public.agency_webhook.registered_by uuid not null
column public.agency_webhook.secret_ciphertext text not null
column public.agency_webhook.url text not null
column public.app_user.active boolean not null default true
column public.app_user.agency_id uuid not null
column public.app_user.border_point_ids uuid[] not null default '{}'::uuid[]
column public.app_user.created_at timestamp with time zone not null default now()
column public.app_user.display_name text not null
column public.app_user.id uuid not null default gen_random_uuid()
column public.app_user.must_change_password boolean not null default false
column public.app_user.password_hash text
column public.app_user.roles text[] not null
column public.app_user.username text not null
column public.asylum_claim.agency_id uuid not null
column public.asylum_claim.appeal_decided_on date
column public.asylum_claim.appeal_lodged_on date
column public.asylum_claim.appeal_outcome text
column public.asylum_claim.case_id uuid not null
column public.asylum_claim.created_at timestamp with time zone not null default now()
column public.asylum_claim.decided_on date
column public.asylum_claim.decision text
column public.asylum_claim.id uuid not null
column public.asylum_claim.interview_dates date[] not null default '{}'::date[]
column public.asylum_claim.procedure text not null
column public.asylum_claim.recorded_by uuid not null
column public.asylum_claim.reference text not null
column public.asylum_claim.registered_on date not null
column public.asylum_claim.updated_at timestamp with time zone not null default now()
column public.asylum_claim.version integer not null default 1
column public.asylum_claim.withdrawn_on date
column public.asylum_wish_withdrawal.agency_id uuid not null
column public.asylum_wish_withdrawal.case_id uuid not null
column public.asylum_wish_withdrawal.created_at timestamp with time zone not null default now()
column public.asylum_wish_withdrawal.id uuid not null
column public.asylum_wish_withdrawal.interpreter_used boolean not null
column public.asylum_wish_withdrawal.language text not null
column public.asylum_wish_withdrawal.recorded_by uuid not null
column public.asylum_wish_withdrawal.withdrawn_on date not null
column public.asylum_wish_withdrawal.words_ciphertext text not null
column public.audit_chain_head.chain_key text not null
column public.audit_chain_head.key_id text not null
column public.audit_chain_head.last_hash text not null
column public.audit_chain_head.last_id bigint not null
column public.audit_chain_head.mac text not null
column public.audit_chain_head.updated_at timestamp with time zone not null default now()
column public.audit_event.action text not null
column public.audit_event.actor_agency_id uuid
column public.audit_event.actor_roles text[] not null default '{}'::text[]
column public.audit_event.actor_user_id uuid
column public.audit_event.actor_username text
column public.audit_event.case_id uuid
column public.audit_event.chain_key text not null
column public.audit_event.correlation_id text
column public.audit_event.details jsonb not null default '{}'::jsonb
column public.audit_event.field_groups text[] not null default '{}'::text[]
column public.audit_event.hash text not null
column public.audit_event.id bigint not null generated always as identity
column public.audit_event.key_id text
column public.audit_event.occurred_at timestamp with time zone not null default now()
column public.audit_event.outcome text not null
column public.audit_event.prev_hash text
column public.audit_event.purpose text
column public.audit_legacy_head.chain_key text not null
column public.audit_legacy_head.last_hash text not null
column public.audit_legacy_head.last_id bigint not null
column public.best_interests_procedure.agency_id uuid not null
column public.best_interests_procedure.case_id uuid not null
column public.best_interests_procedure.completed_on date
column public.best_interests_procedure.created_at timestamp with time zone not null default now()
column public.best_interests_procedure.decision text
column public.best_interests_procedure.id uuid not null
column public.best_interests_procedure.kind text not null
column public.best_interests_procedure.opened_on date not null
column public.best_interests_procedure.panel_members text[] not null default '{}'::text[]
column public.best_interests_procedure.reasons text
column public.best_interests_procedure.recorded_by uuid not null
column public.best_interests_procedure.updated_at timestamp with time zone not null default now()
column public.best_interests_procedure.version integer not null default 1
column public.border_point.active boolean not null default true
column public.border_point.code text not null
column public.border_point.country character(3) not null
column public.border_point.created_at timestamp with time zone not null default now()
column public.border_point.id uuid not null default gen_random_uuid()
column public.border_point.kind text not null
column public.border_point.name text not null
column public.border_point.region text
column public.care_placement.agency_id uuid not null
column public.care_placement.case_id uuid not null
column public.care_placement.created_at timestamp with time zone not null default now()
column public.care_placement.end_reason text
column public.care_placement.ended_on date
column public.care_placement.id uuid not null
column public.care_placement.kind text not null
column public.care_placement.provider text not null
column public.care_placement.recorded_by uuid not null
column public.care_placement.started_on date not null
column public.care_placement.updated_at timestamp with time zone not null default now()
column public.care_placement.version integer not null default 1
column public.case_assignment.agency_id uuid not null
column public.case_assignment.assigned_at timestamp with time zone not null default now()
column public.case_assignment.assigned_by uuid not null
column public.case_assignment.case_id uuid not null
column public.case_assignment.ended_at timestamp with time zone
column public.case_assignment.ended_by uuid
column public.case_assignment.id uuid not null
column public.case_assignment.user_id uuid not null
column public.case_closure.agency_id uuid not null
column public.case_closure.case_id uuid not null
column public.case_closure.closed_at timestamp with time zone not null default now()
column public.case_closure.closed_by uuid not null
column public.case_closure.id uuid not null
column public.case_closure.outcome_code text not null
column public.case_closure.reason text not null
column public.case_closure.reopen_reason text
column public.case_closure.reopened_at timestamp with time zone
column public.case_closure.reopened_by uuid
column public.case_companion.case_id uuid not null
column public.case_companion.companion_case_id uuid not null
column public.case_companion.relationship text not null
column public.case_companion.verification_note text
column public.case_companion.verified boolean not null default false
column public.case_companion.verified_at timestamp with time zone
column public.case_companion.verified_by uuid
column public.case_file.arrival_how text
column public.case_file.arrival_mode text not null
column public.case_file.arrived_at timestamp with time zone not null
column public.case_file.asylum_wish_recorded_at timestamp with time zone
column public.case_file.border_point_id uuid not null
column public.case_file.case_number text not null
column public.case_file.id uuid not null
column public.case_file.intake_id uuid not null
column public.case_file.intake_position smallint not null
column public.case_file.intended_destination text
column public.case_file.nationalities text[] not null
column public.case_file.registered_at timestamp with time zone not null default now()
column public.case_file.registered_by uuid not null
column public.case_file.registering_agency_id uuid not null
column public.case_file.route text[] not null default '{}'::text[]
column public.case_file.smuggler_used boolean
column public.case_file.status text not null
column public.case_file.updated_at timestamp with time zone not null default now()
column public.case_file.urgent_needs text[] not null default '{}'::text[]
column public.case_file.version integer not null default 1
column public.case_lead.agency_id uuid not null
column public.case_lead.case_id uuid not null
column public.case_lead.referral_id uuid
column public.case_lead.since timestamp with time zone not null default now()
column public.case_lead.source text not null
column public.case_lead.transfer_id uuid
column public.case_note.author_agency_id uuid not null
column public.case_note.author_user_id uuid not null
column public.case_note.body text
column public.case_note.body_ciphertext text
column public.case_note.case_id uuid not null
column public.case_note.created_at timestamp with time zone not null default now()
column public.case_note.field_group text
column public.case_note.id uuid not null
column public.case_note.sensitivity text not null
column public.case_number_counter.border_point_id uuid not null
column public.case_number_counter.last_value integer not null
column public.case_number_counter.year integer not null
column public.case_profile.case_id uuid not null
column public.case_profile.decided_at timestamp with time zone
column public.case_profile.decided_by uuid
column public.case_profile.indicators jsonb not null default '[]'::jsonb
column public.case_profile.needs_codes text[] not null default '{}'::text[]
column public.case_profile.origin text not null
column public.case_profile.profile text not null
column public.case_profile.reason text
column public.case_profile.run_version integer
column public.case_profile.status text not null
column public.case_profile.suggested boolean not null
column public.case_profile.updated_at timestamp with time zone not null default now()
column public.case_profile.urgency text not null
column public.case_section.case_id uuid not null
column public.case_section.ciphertext text
column public.case_section.content jsonb
column public.case_section.field_group text not null
column public.case_section.updated_at timestamp with time zone not null default now()
column public.case_share.agency_id uuid not null
column public.case_share.case_id uuid not null
column public.case_share.shared_at timestamp with time zone not null default now()
column public.case_share.source text not null
column public.case_task.agency_id uuid
column public.case_task.assigned_to uuid
column public.case_task.border_point_id uuid
column public.case_task.case_id uuid not null
column public.case_task.close_reason text
column public.case_task.closed_at timestamp with time zone
column public.case_task.closed_by uuid
column public.case_task.created_at timestamp with time zone not null default now()
column public.case_task.created_by uuid
column public.case_task.due_at timestamp with time zone not null
column public.case_task.escalation_step smallint
column public.case_task.id uuid not null
column public.case_task.kind text not null
column public.case_task.note text
column public.case_task.referral_id uuid
column public.case_task.status text not null default 'OPEN'::text
column public.case_task.title text
column public.case_transfer.basis jsonb not null
column public.case_transfer.case_id uuid not null
column public.case_transfer.decided_at timestamp with time zone
column public.case_transfer.decided_by uuid
column public.case_transfer.decision_reason text
column public.case_transfer.from_agency_id uuid not null
column public.case_transfer.id uuid not null
column public.case_transfer.proposed_at timestamp with time zone not null default now()
column public.case_transfer.proposed_by uuid not null
column public.case_transfer.reason text not null
column public.case_transfer.status text not null default 'PROPOSED'::text
column public.case_transfer.to_agency_id uuid not null
column public.consent_record.case_id uuid not null
column public.consent_record.decision text not null
column public.consent_record.field_groups text[] not null default '{}'::text[]
column public.consent_record.id uuid not null
column public.consent_record.interpreter jsonb
column public.consent_record.language text
column public.consent_record.legal_basis text
column public.consent_record.purpose text not null
column public.consent_record.reason text
column public.consent_record.recipient_agency_id uuid
column public.consent_record.recipient_agency_kind text
column public.consent_record.recorded_at timestamp with time zone not null default now()
column public.consent_record.recorded_by uuid not null
column public.consent_record.recorded_by_agency_id uuid not null
column public.consent_record.withdrawal_reason text
column public.consent_record.withdrawn_at timestamp with time zone
column public.consent_record.withdrawn_by uuid
column public.detention_access.case_id uuid not null
column public.detention_access.created_at timestamp with time zone not null default now()
column public.detention_access.episode_id uuid not null
column public.detention_access.granted boolean not null
column public.detention_access.id uuid not null
column public.detention_access.organisation text not null
column public.detention_access.recorded_by uuid not null
column public.detention_access.refusal_reason text
column public.detention_access.visited_at timestamp with time zone not null
column public.detention_access.visitor_kind text not null
column public.detention_episode.agency_id uuid not null
column public.detention_episode.alternatives_considered text[] not null
column public.detention_episode.case_id uuid not null
column public.detention_episode.created_at timestamp with time zone not null default now()
column public.detention_episode.end_reason text
column public.detention_episode.ended_at timestamp with time zone
column public.detention_episode.id uuid not null
column public.detention_episode.individual_assessment jsonb not null
column public.detention_episode.legal_basis text not null
column public.detention_episode.next_review_on date not null
column public.detention_episode.overridden_by uuid
column public.detention_episode.override_justification text
column public.detention_episode.place text not null
column public.detention_episode.protected_grounds text[] not null default '{}'::text[]
column public.detention_episode.recorded_by uuid not null
column public.detention_episode.review_alerted_for date
column public.detention_episode.started_at timestamp with time zone not null
column public.detention_episode.updated_at timestamp with time zone not null default now()
column public.detention_episode.version integer not null default 1
column public.detention_review.agency_id uuid not null
column public.detention_review.case_id uuid not null
column public.detention_review.created_at timestamp with time zone not null default now()
column public.detention_review.episode_id uuid not null
column public.detention_review.id uuid not null
column public.detention_review.next_review_on date
column public.detention_review.outcome text not null
column public.detention_review.reviewed_by uuid not null
column public.detention_review.reviewed_on date not null
column public.email_delivery.address text not null
column public.email_delivery.agency_id uuid not null
column public.email_delivery.attempts integer not null default 0
column public.email_delivery.created_at timestamp with time zone not null default now()
column public.email_delivery.event_key text not null
column public.email_delivery.id uuid not null
column public.email_delivery.kind text not null
column public.email_delivery.language text not null
column public.email_delivery.last_attempt_at timestamp with time zone
column public.email_delivery.last_error text
column public.email_delivery.recipient_key text not null
column public.email_delivery.referral_id uuid not null
column public.email_delivery.sends integer not null default 1
column public.email_delivery.sent_at timestamp with time zone
column public.email_delivery.status text not null default 'PENDING'::text
column public.email_delivery.step integer
column public.family_reunification.abroad boolean not null
column public.family_reunification.agency_id uuid not null
column public.family_reunification.case_id uuid not null
column public.family_reunification.child_consent boolean not null
column public.family_reunification.created_at timestamp with time zone not null default now()
column public.family_reunification.id uuid not null
column public.family_reunification.outcome_on date
column public.family_reunification.recorded_by uuid not null
column public.family_reunification.relationship_verified boolean not null
column public.family_reunification.relative jsonb not null
column public.family_reunification.status text not null default 'PROPOSED'::text
column public.family_reunification.tracing_id uuid
column public.family_reunification.updated_at timestamp with time zone not null default now()
column public.family_reunification.version integer not null default 1
column public.family_tracing.agency_id uuid not null
column public.family_tracing.case_id uuid not null
column public.family_tracing.concluded_on date
column public.family_tracing.consent_basis jsonb not null
column public.family_tracing.created_at timestamp with time zone not null default now()
column public.family_tracing.endangers boolean not null default false
column public.family_tracing.id uuid not null
column public.family_tracing.recorded_by uuid not null
column public.family_tracing.sought_relatives jsonb not null
column public.family_tracing.status text not null default 'OPEN'::text
column public.family_tracing.stop_reason text
column public.family_tracing.updated_at timestamp with time zone not null default now()
column public.family_tracing.version integer not null default 1
column public.guardian_appointment.agency_id uuid not null
column public.guardian_appointment.appointed_on date not null
column public.guardian_appointment.case_id uuid not null
column public.guardian_appointment.created_at timestamp with time zone not null default now()
column public.guardian_appointment.ended_on date
column public.guardian_appointment.guardian_name text not null
column public.guardian_appointment.id uuid not null
column public.guardian_appointment.organisation text
column public.guardian_appointment.recorded_by uuid not null
column public.guardian_appointment.updated_at timestamp with time zone not null default now()
column public.guardian_appointment.version integer not null default 1
column public.intake_submission.border_point_id uuid not null
column public.intake_submission.intake_id uuid not null
column public.intake_submission.payload_hash text not null
column public.intake_submission.response jsonb
column public.intake_submission.submitted_at timestamp with time zone not null default now()
column public.intake_submission.submitted_by uuid not null
column public.outbox_message.completed_at timestamp with time zone
column public.outbox_message.created_at timestamp with time zone not null default now()
column public.outbox_message.failed_at timestamp with time zone
column public.outbox_message.id bigint not null generated always as identity
column public.outbox_message.job_id text not null
column public.outbox_message.job_name text not null
column public.outbox_message.last_error text
column public.outbox_message.last_run_at timestamp with time zone
column public.outbox_message.payload jsonb not null
column public.outbox_message.publish_attempts integer not null default 0
column public.outbox_message.published_at timestamp with time zone
column public.outbox_message.run_at timestamp with time zone
column public.outbox_message.run_attempts integer not null default 0
column public.person.area_of_origin text
column public.person.area_of_origin_code text
column public.person.case_id uuid not null
column public.person.date_of_birth date
column public.person.date_of_birth_estimated boolean not null default false
column public.person.description text
column public.person.documents_held_by_other boolean
column public.person.family_name text
column public.person.given_name text
column public.person.identity_id uuid not null
column public.person.interpreter_needed boolean
column public.person.interpreter_sex text
column public.person.languages text[] not null default '{}'::text[]
column public.person.nationalities text[] not null
column public.person.other_names text[] not null default '{}'::text[]
column public.person.sex text not null
column public.person.stated_age smallint
column public.person_document.case_id uuid not null
column public.person_document.expires_on date
column public.person_document.issuing_country text not null
column public.person_document.kind text not null
column public.person_document.number text not null
column public.person_document.number_normalised text not null
column public.person_document.position smallint not null
column public.person_name.case_id uuid not null
column public.person_name.name_normalised text not null
column public.person_name.position smallint not null
column public.possible_encounter.case_id uuid not null
column public.possible_encounter.decided_at timestamp with time zone
column public.possible_encounter.decided_by uuid
column public.possible_encounter.decision_reason text
column public.possible_encounter.found_at timestamp with time zone not null default now()
column public.possible_encounter.id uuid not null
column public.possible_encounter.matched_case_id uuid not null
column public.possible_encounter.reasons jsonb not null
column public.possible_encounter.score real not null
column public.possible_encounter.status text not null default 'PENDING'::text
column public.profile_decision.action text not null
column public.profile_decision.case_id uuid not null
column public.profile_decision.decided_at timestamp with time zone not null default now()
column public.profile_decision.decided_by uuid not null
column public.profile_decision.id uuid not null
column public.profile_decision.profile text not null
column public.profile_decision.reason text
column public.profiling_run.case_id uuid not null
column public.profiling_run.diff jsonb not null
column public.profiling_run.id uuid not null
column public.profiling_run.profiles jsonb not null
column public.profiling_run.ran_at timestamp with time zone not null default now()
column public.profiling_run.ran_by uuid
column public.profiling_run.rule_set_version text not null
column public.profiling_run.sop_version_id uuid
column public.profiling_run.trigger text not null
column public.profiling_run.version integer not null
column public.profiling_run.withheld jsonb not null
column public.protection_flag.agency_id uuid not null
column public.protection_flag.case_id uuid not null
column public.protection_flag.close_reason text
column public.protection_flag.closed_at timestamp with time zone
column public.protection_flag.closed_by uuid
column public.protection_flag.created_at timestamp with time zone not null default now()
column public.protection_flag.finding_by uuid
column public.protection_flag.id uuid not null
column public.protection_flag.kind text not null
column public.protection_flag.offence text
column public.protection_flag.reason text not null
column public.protection_flag.recorded_by uuid not null
column public.protection_flag.unrelated_finding text
column public.protection_flag.updated_at timestamp with time zone not null default now()
column public.protection_flag.version integer not null default 1
column public.referral.acknowledged_at timestamp with time zone
column public.referral.agency_id uuid not null
column public.referral.attempt smallint not null default 1
column public.referral.basis jsonb not null
column public.referral.border_point_id uuid not null
column public.referral.case_id uuid not null
column public.referral.created_at timestamp with time zone not null default now()
column public.referral.due_at timestamp with time zone not null
column public.referral.escalation_level smallint not null default 0
column public.referral.field_groups text[] not null
column public.referral.id uuid not null
column public.referral.next_escalation_at timestamp with time zone
column public.referral.outcome_code text
column public.referral.outcome_note text
column public.referral.overdue_at timestamp with time zone
column public.referral.previous_referral_id uuid
column public.referral.priority smallint not null
column public.referral.profiles text[] not null
column public.referral.reason text
column public.referral.required_actions jsonb not null default '[]'::jsonb
column public.referral.role text not null
column public.referral.sop_version_id uuid not null
column public.referral.status text not null
column public.referral.target text not null
column public.referral.targets jsonb not null default '[]'::jsonb
column public.referral.updated_at timestamp with time zone not null default now()
column public.referral.version integer not null default 1
column public.referral_event.actor_agency_id uuid
column public.referral_event.actor_user_id uuid
column public.referral_event.case_id uuid not null
column public.referral_event.from_status text
column public.referral_event.id bigint not null generated always as identity
column public.referral_event.occurred_at timestamp with time zone not null default now()
column public.referral_event.reason text
column public.referral_event.referral_id uuid not null
column public.referral_event.to_status text not null
column public.referral_open_profile.agency_id uuid not null
column public.referral_open_profile.due_at timestamp with time zone not null
column public.referral_open_profile.priority smallint not null
column public.referral_open_profile.profile text not null
column public.referral_open_profile.referral_id uuid not null
column public.refresh_token.created_at timestamp with time zone not null default now()
column public.refresh_token.expires_at timestamp with time zone not null
column public.refresh_token.family_id uuid not null
column public.refresh_token.id uuid not null default gen_random_uuid()
column public.refresh_token.replaced_by uuid
column public.refresh_token.revoked_at timestamp with time zone
column public.refresh_token.token_hash text not null
column public.refresh_token.user_id uuid not null
column public.removal_order.agency_id uuid not null
column public.removal_order.cancel_reason text
column public.removal_order.cancelled_on date
column public.removal_order.case_id uuid not null
column public.removal_order.created_at timestamp with time zone not null default now()
column public.removal_order.decided_on date not null
column public.removal_order.destination_country text not null
column public.removal_order.executed_at timestamp with time zone
column public.removal_order.id uuid not null
column public.removal_order.legal_basis text not null
column public.removal_order.recorded_by uuid not null
column public.removal_order.status text not null default 'ORDERED'::text
column public.removal_order.updated_at timestamp with time zone not null default now()
column public.removal_order.version integer not null default 1
column public.safeguard_event.actor_agency_id uuid not null
column public.safeguard_event.actor_user_id uuid not null
column public.safeguard_event.attempted text not null
column public.safeguard_event.case_id uuid not null
column public.safeguard_event.id uuid not null
column public.safeguard_event.justification text
column public.safeguard_event.occurred_at timestamp with time zone not null default now()
column public.safeguard_event.outcome text not null
column public.safeguard_event.reasons text[] not null
column public.safeguard_event.safeguard text not null
column public.schema_migration.id integer not null default nextval('schema_migration_id_seq'::regclass)
column public.schema_migration.name character varying not null
column public.schema_migration.timestamp bigint not null
column public.service_delivery.agency_id uuid not null
column public.service_delivery.case_id uuid not null
column public.service_delivery.delivered_on date not null
column public.service_delivery.id uuid not null
column public.service_delivery.kind text not null
column public.service_delivery.note text
column public.service_delivery.provider text not null
column public.service_delivery.recorded_at timestamp with time zone not null default now()
column public.service_delivery.recorded_by uuid not null
column public.service_delivery.referral_id uuid
column public.sop_approval.agency_id uuid not null
column public.sop_approval.approved_at timestamp with time zone not null default now()
column public.sop_approval.approved_by uuid not null
column public.sop_approval.sop_version_id uuid not null
column public.sop_version.activated_at timestamp with time zone
column public.sop_version.activated_by uuid
column public.sop_version.created_at timestamp with time zone not null default now()
column public.sop_version.created_by uuid
column public.sop_version.document jsonb not null
column public.sop_version.effective_from timestamp with time zone
column public.sop_version.id uuid not null
column public.sop_version.jurisdiction text not null
column public.sop_version.label text not null
column public.sop_version.retired_at timestamp with time zone
column public.sop_version.signatory_agency_ids uuid[] not null
column public.sop_version.status text not null
column public.trafficking_record.agency_id uuid not null
column public.trafficking_record.assistance jsonb not null default '[]'::jsonb
column public.trafficking_record.case_id uuid not null
column public.trafficking_record.created_at timestamp with time zone not null default now()
column public.trafficking_record.id uuid not null
column public.trafficking_record.permit_expires_on date
column public.trafficking_record.permit_granted_on date
column public.trafficking_record.permit_reference text
column public.trafficking_record.recorded_by uuid not null
column public.trafficking_record.reflection_ended_on date
column public.trafficking_record.reflection_ends_on date
column public.trafficking_record.reflection_starts_on date
column public.trafficking_record.status text not null
column public.trafficking_record.updated_at timestamp with time zone not null default now()
column public.trafficking_record.version integer not null default 1
column public.user_email_preference.address text not null
column public.user_email_preference.kinds text[] not null
column public.user_email_preference.language text not null
column public.user_email_preference.updated_at timestamp with time zone not null default now()
column public.user_email_preference.user_id uuid not null
column public.voluntary_return.agency_id uuid not null
column public.voluntary_return.case_id uuid not null
column public.voluntary_return.counselling_sessions jsonb not null default '[]'::jsonb
column public.voluntary_return.created_at timestamp with time zone not null default now()
column public.voluntary_return.departed_at timestamp with time zone
column public.voluntary_return.destination_country text not null
column public.voluntary_return.id uuid not null
column public.voluntary_return.recorded_by uuid not null
column public.voluntary_return.requested_on date not null
column public.voluntary_return.status text not null default 'REQUESTED'::text
column public.voluntary_return.updated_at timestamp with time zone not null default now()
column public.voluntary_return.version integer not null default 1
column public.voluntary_return.voluntariness_confirmed_on date
column public.voluntary_return.vulnerability_assessed_on date
column public.voluntary_return.vulnerability_outcome text
column public.voluntary_return.withdrawal_reason text
column public.voluntary_return.withdrawn_on date
constraint bullmq.dedup dedup_pkey PRIMARY KEY (queue, dedup_id)
constraint bullmq.dedup_next dedup_next_pkey PRIMARY KEY (queue, dedup_id)
constraint bullmq.event event_pkey PRIMARY KEY (queue, id)
constraint bullmq.job job_pkey PRIMARY KEY (queue, id)
constraint bullmq.job_dependency job_dependency_parent_queue_parent_id_fkey FOREIGN KEY (parent_queue, parent_id) REFERENCES bullmq.job(queue, id) ON DELETE CASCADE
constraint bullmq.job_dependency job_dependency_pkey PRIMARY KEY (parent_queue, parent_id, child_key)
constraint bullmq.job_log job_log_pkey PRIMARY KEY (queue, job_id, idx)
constraint bullmq.job_log job_log_queue_job_id_fkey FOREIGN KEY (queue, job_id) REFERENCES bullmq.job(queue, id) ON DELETE CASCADE
constraint bullmq.meta meta_pkey PRIMARY KEY (queue, field)
constraint bullmq.metrics metrics_pkey PRIMARY KEY (queue, kind)
constraint bullmq.migration migration_pkey PRIMARY KEY (version)
constraint bullmq.rate_limit rate_limit_pkey PRIMARY KEY (queue)
constraint bullmq.relay_inbox relay_inbox_ns_node_id_fkey FOREIGN KEY (ns, node_id) REFERENCES bullmq.relay_node(ns, node_id) ON DELETE CASCADE
constraint bullmq.relay_inbox relay_inbox_pkey PRIMARY KEY (id)
constraint bullmq.relay_node relay_node_pkey PRIMARY KEY (ns, node_id)
constraint bullmq.relay_retained relay_retained_pkey PRIMARY KEY (ns, topic)
constraint bullmq.relay_subscription relay_subscription_ns_node_id_fkey FOREIGN KEY (ns, node_id) REFERENCES bullmq.relay_node(ns, node_id) ON DELETE CASCADE
constraint bullmq.relay_subscription relay_subscription_pkey PRIMARY KEY (ns, pattern, node_id, endpoint_id)
constraint bullmq.scheduler scheduler_pkey PRIMARY KEY (queue, scheduler_id)
constraint public.age_assessment age_assessment_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.age_assessment age_assessment_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.age_assessment age_assessment_method_ck CHECK ((method = ANY (ARRAY['DOCUMENTARY'::text, 'PSYCHOSOCIAL_INTERVIEW'::text, 'MULTIDISCIPLINARY'::text, 'MEDICAL'::text])))
constraint public.age_assessment age_assessment_pk PRIMARY KEY (id)
constraint public.age_assessment age_assessment_range_ck CHECK (((minimum_age IS NULL) OR ((minimum_age >= 0) AND (maximum_age >= minimum_age) AND (maximum_age <= 120))))
constraint public.age_assessment age_assessment_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.age_assessment age_assessment_result_ck CHECK ((((completed_on IS NULL) = (minimum_age IS NULL)) AND ((minimum_age IS NULL) = (maximum_age IS NULL)) AND ((completed_on IS NULL) OR (method IS NOT NULL))))
constraint public.agency agency_pk PRIMARY KEY (id)
constraint public.agency_duty_email agency_duty_email_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE CASCADE
constraint public.agency_duty_email agency_duty_email_language_ck CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'pt'::text, 'sw'::text, 'ar'::text])))
constraint public.agency_duty_email agency_duty_email_pk PRIMARY KEY (agency_id)
constraint public.agency_webhook agency_webhook_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE CASCADE
constraint public.agency_webhook agency_webhook_pk PRIMARY KEY (agency_id)
constraint public.app_user app_user_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.app_user app_user_pk PRIMARY KEY (id)
constraint public.asylum_claim asylum_claim_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.asylum_claim asylum_claim_appeal_ck CHECK (((appeal_lodged_on IS NULL) OR (decision = 'REJECTED'::text)))
constraint public.asylum_claim asylum_claim_appeal_decided_ck CHECK ((((appeal_outcome IS NULL) = (appeal_decided_on IS NULL)) AND ((appeal_outcome IS NULL) OR (appeal_lodged_on IS NOT NULL))))
constraint public.asylum_claim asylum_claim_appeal_outcome_ck CHECK ((appeal_outcome = ANY (ARRAY['ALLOWED'::text, 'DISMISSED'::text])))
constraint public.asylum_claim asylum_claim_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.asylum_claim asylum_claim_decided_ck CHECK (((decision IS NULL) = (decided_on IS NULL)))
constraint public.asylum_claim asylum_claim_decision_ck CHECK ((decision = ANY (ARRAY['RECOGNISED'::text, 'COMPLEMENTARY_PROTECTION'::text, 'REJECTED'::text])))
constraint public.asylum_claim asylum_claim_pk PRIMARY KEY (id)
constraint public.asylum_claim asylum_claim_procedure_ck CHECK ((procedure = ANY (ARRAY['PRIMA_FACIE'::text, 'REGULAR'::text, 'ACCELERATED'::text])))
constraint public.asylum_claim asylum_claim_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.asylum_wish_withdrawal asylum_wish_withdrawal_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.asylum_wish_withdrawal asylum_wish_withdrawal_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.asylum_wish_withdrawal asylum_wish_withdrawal_pk PRIMARY KEY (id)
constraint public.asylum_wish_withdrawal asylum_wish_withdrawal_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.audit_chain_head audit_chain_head_pk PRIMARY KEY (chain_key)
constraint public.audit_event audit_event_pk PRIMARY KEY (id)
constraint public.audit_legacy_head audit_legacy_head_pk PRIMARY KEY (chain_key)
constraint public.best_interests_procedure best_interests_procedure_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.best_interests_procedure best_interests_procedure_bid_ck CHECK (((kind = 'BIA'::text) OR (completed_on IS NULL) OR ((decision IS NOT NULL) AND (reasons IS NOT NULL) AND (cardinality(panel_members) >= 2))))
constraint public.best_interests_procedure best_interests_procedure_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.best_interests_procedure best_interests_procedure_decision_ck CHECK ((decision = ANY (ARRAY['RETURN_TO_COUNTRY_OF_ORIGIN'::text, 'FAMILY_REUNIFICATION_ABROAD'::text, 'LOCAL_INTEGRATION'::text, 'RESETTLEMENT'::text, 'ALTERNATIVE_CARE'::text])))
constraint public.best_interests_procedure best_interests_procedure_kind_ck CHECK ((kind = ANY (ARRAY['BIA'::text, 'BID'::text])))
constraint public.best_interests_procedure best_interests_procedure_pk PRIMARY KEY (id)
constraint public.best_interests_procedure best_interests_procedure_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.border_point border_point_pk PRIMARY KEY (id)
constraint public.care_placement care_placement_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.care_placement care_placement_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.care_placement care_placement_end_ck CHECK ((((ended_on IS NULL) = (end_reason IS NULL)) AND ((ended_on IS NULL) OR (ended_on >= started_on))))
constraint public.care_placement care_placement_kind_ck CHECK ((kind = ANY (ARRAY['FOSTER_FAMILY'::text, 'KINSHIP_CARE'::text, 'RESIDENTIAL_CARE'::text, 'SUPERVISED_INDEPENDENT_LIVING'::text, 'SAFE_SHELTER'::text])))
constraint public.care_placement care_placement_pk PRIMARY KEY (id)
constraint public.care_placement care_placement_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.case_assignment case_assignment_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.case_assignment case_assignment_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_assignment case_assignment_ended_ck CHECK (((ended_at IS NULL) = (ended_by IS NULL)))
constraint public.case_assignment case_assignment_pk PRIMARY KEY (id)
constraint public.case_assignment case_assignment_user_fk FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.case_closure case_closure_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_closure case_closure_pk PRIMARY KEY (id)
constraint public.case_closure case_closure_reopened_ck CHECK ((((reopened_at IS NULL) = (reopened_by IS NULL)) AND ((reopened_at IS NULL) = (reopen_reason IS NULL))))
constraint public.case_companion case_companion_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_companion case_companion_other_fk FOREIGN KEY (companion_case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_companion case_companion_pk PRIMARY KEY (case_id, companion_case_id)
constraint public.case_companion case_companion_self_ck CHECK ((case_id <> companion_case_id))
constraint public.case_file case_file_agency_fk FOREIGN KEY (registering_agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.case_file case_file_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point(id) ON DELETE RESTRICT
constraint public.case_file case_file_pk PRIMARY KEY (id)
constraint public.case_file case_file_registered_by_fk FOREIGN KEY (registered_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.case_file case_file_status_ck CHECK ((status = ANY (ARRAY['OPEN'::text, 'INCOMPLETE'::text, 'CLOSED'::text])))
constraint public.case_file case_file_version_ck CHECK ((version > 0))
constraint public.case_lead case_lead_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.case_lead case_lead_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_lead case_lead_pk PRIMARY KEY (case_id)
constraint public.case_lead case_lead_source_ck CHECK ((source = ANY (ARRAY['REFERRAL'::text, 'TRANSFER'::text])))
constraint public.case_lead case_lead_transfer_fk FOREIGN KEY (transfer_id) REFERENCES case_transfer(id) ON DELETE RESTRICT
constraint public.case_note case_note_author_fk FOREIGN KEY (author_user_id) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.case_note case_note_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_note case_note_pk PRIMARY KEY (id)
constraint public.case_note case_note_plain_ck CHECK (((sensitivity = 'SENSITIVE'::text) OR ((body IS NOT NULL) AND (body_ciphertext IS NULL))))
constraint public.case_note case_note_sensitive_ck CHECK (((sensitivity = 'SENSITIVE'::text) = ((field_group IS NOT NULL) AND (body_ciphertext IS NOT NULL) AND (body IS NULL))))
constraint public.case_note case_note_sensitivity_ck CHECK ((sensitivity = ANY (ARRAY['NORMAL'::text, 'RESTRICTED'::text, 'SENSITIVE'::text])))
constraint public.case_number_counter case_number_counter_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point(id) ON DELETE RESTRICT
constraint public.case_number_counter case_number_counter_pk PRIMARY KEY (border_point_id, year)
constraint public.case_number_counter case_number_counter_value_ck CHECK ((last_value > 0))
constraint public.case_profile case_profile_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_profile case_profile_origin_ck CHECK ((origin = ANY (ARRAY['SUGGESTED'::text, 'ADDED'::text])))
constraint public.case_profile case_profile_pk PRIMARY KEY (case_id, profile)
constraint public.case_profile case_profile_status_ck CHECK ((status = ANY (ARRAY['SUGGESTED'::text, 'CONFIRMED'::text, 'REMOVED'::text, 'SUPERSEDED'::text])))
constraint public.case_profile case_profile_urgency_ck CHECK ((urgency = ANY (ARRAY['IMMEDIATE'::text, 'HIGH'::text, 'NORMAL'::text])))
constraint public.case_section case_section_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_section case_section_one_form_ck CHECK (((content IS NULL) <> (ciphertext IS NULL)))
constraint public.case_section case_section_pk PRIMARY KEY (case_id, field_group)
constraint public.case_section case_section_sensitive_encrypted_ck CHECK (((field_group <> ALL (ARRAY['ASYLUM'::text, 'TRAFFICKING'::text, 'HEALTH'::text, 'SGBV'::text, 'TORTURE'::text])) OR (content IS NULL)))
constraint public.case_share case_share_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.case_share case_share_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_share case_share_pk PRIMARY KEY (case_id, agency_id)
constraint public.case_task case_task_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.case_task case_task_assigned_to_fk FOREIGN KEY (assigned_to) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.case_task case_task_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point(id) ON DELETE RESTRICT
constraint public.case_task case_task_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_task case_task_custom_ck CHECK (((kind <> 'CUSTOM'::text) OR ((title IS NOT NULL) AND (created_by IS NOT NULL))))
constraint public.case_task case_task_holder_ck CHECK (((border_point_id IS NOT NULL) OR (agency_id IS NOT NULL)))
constraint public.case_task case_task_pk PRIMARY KEY (id)
constraint public.case_task case_task_referral_fk FOREIGN KEY (referral_id) REFERENCES referral(id) ON DELETE CASCADE
constraint public.case_task case_task_status_ck CHECK ((status = ANY (ARRAY['OPEN'::text, 'DONE'::text, 'CANCELLED'::text])))
constraint public.case_transfer case_transfer_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.case_transfer case_transfer_decided_ck CHECK ((((status = 'PROPOSED'::text) = (decided_at IS NULL)) AND ((decided_at IS NULL) = (decided_by IS NULL))))
constraint public.case_transfer case_transfer_from_fk FOREIGN KEY (from_agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.case_transfer case_transfer_pk PRIMARY KEY (id)
constraint public.case_transfer case_transfer_self_ck CHECK ((from_agency_id <> to_agency_id))
constraint public.case_transfer case_transfer_status_ck CHECK ((status = ANY (ARRAY['PROPOSED'::text, 'ACCEPTED'::text, 'DECLINED'::text, 'CANCELLED'::text])))
constraint public.case_transfer case_transfer_to_fk FOREIGN KEY (to_agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.consent_record consent_record_agency_fk FOREIGN KEY (recipient_agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.consent_record consent_record_basis_ck CHECK (((decision = 'LEGAL_BASIS'::text) = (legal_basis IS NOT NULL)))
constraint public.consent_record consent_record_basis_reason_ck CHECK (((decision <> 'LEGAL_BASIS'::text) OR (reason IS NOT NULL)))
constraint public.consent_record consent_record_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.consent_record consent_record_decision_ck CHECK ((decision = ANY (ARRAY['GIVEN'::text, 'REFUSED'::text, 'LEGAL_BASIS'::text])))
constraint public.consent_record consent_record_interpreter_ck CHECK (((interpreter IS NULL) OR (jsonb_typeof((interpreter -> 'used'::text)) = 'boolean'::text)))
constraint public.consent_record consent_record_pk PRIMARY KEY (id)
constraint public.consent_record consent_record_recorder_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.detention_access detention_access_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.detention_access detention_access_episode_fk FOREIGN KEY (episode_id) REFERENCES detention_episode(id) ON DELETE CASCADE
constraint public.detention_access detention_access_kind_ck CHECK ((visitor_kind = ANY (ARRAY['UNHCR'::text, 'LEGAL_REPRESENTATIVE'::text, 'NGO'::text, 'FAMILY'::text, 'CONSULAR'::text])))
constraint public.detention_access detention_access_pk PRIMARY KEY (id)
constraint public.detention_access detention_access_refusal_ck CHECK ((granted OR (refusal_reason IS NOT NULL)))
constraint public.detention_episode detention_episode_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.detention_episode detention_episode_alternatives_ck CHECK ((cardinality(alternatives_considered) > 0))
constraint public.detention_episode detention_episode_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.detention_episode detention_episode_end_ck CHECK ((((ended_at IS NULL) = (end_reason IS NULL)) AND ((ended_at IS NULL) OR (ended_at >= started_at))))
constraint public.detention_episode detention_episode_override_ck CHECK ((((cardinality(protected_grounds) = 0) = (override_justification IS NULL)) AND ((override_justification IS NULL) = (overridden_by IS NULL))))
constraint public.detention_episode detention_episode_pk PRIMARY KEY (id)
constraint public.detention_episode detention_episode_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.detention_review detention_review_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.detention_review detention_review_episode_fk FOREIGN KEY (episode_id) REFERENCES detention_episode(id) ON DELETE CASCADE
constraint public.detention_review detention_review_next_ck CHECK (((outcome = 'CONTINUE'::text) = (next_review_on IS NOT NULL)))
constraint public.detention_review detention_review_outcome_ck CHECK ((outcome = ANY (ARRAY['CONTINUE'::text, 'RELEASE'::text])))
constraint public.detention_review detention_review_pk PRIMARY KEY (id)
constraint public.email_delivery email_delivery_kind_ck CHECK ((kind = ANY (ARRAY['NEW_REFERRAL'::text, 'DEADLINE_SOON'::text, 'ESCALATION'::text])))
constraint public.email_delivery email_delivery_pk PRIMARY KEY (id)
constraint public.email_delivery email_delivery_referral_fk FOREIGN KEY (referral_id) REFERENCES referral(id) ON DELETE CASCADE
constraint public.email_delivery email_delivery_sends_ck CHECK ((sends >= 1))
constraint public.email_delivery email_delivery_status_ck CHECK ((status = ANY (ARRAY['PENDING'::text, 'SENT'::text, 'FAILED'::text, 'NOT_SENT'::text])))
constraint public.family_reunification family_reunification_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.family_reunification family_reunification_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.family_reunification family_reunification_outcome_ck CHECK (((status = 'PROPOSED'::text) = (outcome_on IS NULL)))
constraint public.family_reunification family_reunification_pk PRIMARY KEY (id)
constraint public.family_reunification family_reunification_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.family_reunification family_reunification_reunified_ck CHECK (((status <> 'REUNIFIED'::text) OR (relationship_verified AND child_consent)))
constraint public.family_reunification family_reunification_status_ck CHECK ((status = ANY (ARRAY['PROPOSED'::text, 'REUNIFIED'::text, 'NOT_IN_BEST_INTERESTS'::text, 'WITHDRAWN'::text])))
constraint public.family_reunification family_reunification_tracing_fk FOREIGN KEY (tracing_id) REFERENCES family_tracing(id) ON DELETE RESTRICT
constraint public.family_tracing family_tracing_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.family_tracing family_tracing_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.family_tracing family_tracing_concluded_ck CHECK (((status = ANY (ARRAY['LOCATED'::text, 'NOT_FOUND'::text])) = (concluded_on IS NOT NULL)))
constraint public.family_tracing family_tracing_pk PRIMARY KEY (id)
constraint public.family_tracing family_tracing_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.family_tracing family_tracing_status_ck CHECK ((status = ANY (ARRAY['OPEN'::text, 'LOCATED'::text, 'NOT_FOUND'::text, 'STOPPED'::text])))
constraint public.family_tracing family_tracing_stopped_ck CHECK ((((status = 'STOPPED'::text) = (stop_reason IS NOT NULL)) AND ((NOT endangers) OR (status = 'STOPPED'::text))))
constraint public.guardian_appointment guardian_appointment_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.guardian_appointment guardian_appointment_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.guardian_appointment guardian_appointment_pk PRIMARY KEY (id)
constraint public.guardian_appointment guardian_appointment_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.intake_submission intake_submission_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point(id) ON DELETE RESTRICT
constraint public.intake_submission intake_submission_pk PRIMARY KEY (intake_id)
constraint public.outbox_message outbox_message_pk PRIMARY KEY (id)
constraint public.person person_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.person person_pk PRIMARY KEY (case_id)
constraint public.person_document person_document_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.person_document person_document_pk PRIMARY KEY (case_id, "position")
constraint public.person_name person_name_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.person_name person_name_pk PRIMARY KEY (case_id, "position")
constraint public.possible_encounter possible_encounter_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.possible_encounter possible_encounter_matched_fk FOREIGN KEY (matched_case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.possible_encounter possible_encounter_pk PRIMARY KEY (id)
constraint public.possible_encounter possible_encounter_score_ck CHECK (((score >= (0)::double precision) AND (score <= (1)::double precision)))
constraint public.possible_encounter possible_encounter_status_ck CHECK ((status = ANY (ARRAY['PENDING'::text, 'LINKED'::text, 'DISMISSED'::text])))
constraint public.profile_decision profile_decision_action_ck CHECK ((action = ANY (ARRAY['CONFIRM'::text, 'ADD'::text, 'REMOVE'::text])))
constraint public.profile_decision profile_decision_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.profile_decision profile_decision_pk PRIMARY KEY (id)
constraint public.profile_decision profile_decision_reason_ck CHECK (((action = 'CONFIRM'::text) OR (reason IS NOT NULL)))
constraint public.profiling_run profiling_run_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.profiling_run profiling_run_pk PRIMARY KEY (id)
constraint public.profiling_run profiling_run_sop_fk FOREIGN KEY (sop_version_id) REFERENCES sop_version(id) ON DELETE RESTRICT
constraint public.profiling_run profiling_run_version_ck CHECK ((version > 0))
constraint public.protection_flag protection_flag_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.protection_flag protection_flag_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.protection_flag protection_flag_closed_ck CHECK ((((closed_at IS NULL) = (closed_by IS NULL)) AND ((closed_at IS NULL) = (close_reason IS NULL))))
constraint public.protection_flag protection_flag_finding_ck CHECK ((((unrelated_finding IS NULL) = (finding_by IS NULL)) AND ((unrelated_finding IS NULL) OR ((kind = 'PROSECUTION'::text) AND (offence = 'OTHER'::text)))))
constraint public.protection_flag protection_flag_kind_ck CHECK ((kind = ANY (ARRAY['REFOULEMENT_RISK'::text, 'PROSECUTION'::text])))
constraint public.protection_flag protection_flag_offence_ck CHECK (((kind = 'PROSECUTION'::text) = (offence IS NOT NULL)))
constraint public.protection_flag protection_flag_pk PRIMARY KEY (id)
constraint public.protection_flag protection_flag_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.referral referral_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.referral referral_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point(id) ON DELETE RESTRICT
constraint public.referral referral_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.referral referral_pk PRIMARY KEY (id)
constraint public.referral referral_previous_fk FOREIGN KEY (previous_referral_id) REFERENCES referral(id) ON DELETE RESTRICT
constraint public.referral referral_role_ck CHECK ((role = ANY (ARRAY['LEAD'::text, 'SUPPORTING'::text])))
constraint public.referral referral_sop_fk FOREIGN KEY (sop_version_id) REFERENCES sop_version(id) ON DELETE RESTRICT
constraint public.referral referral_status_ck CHECK ((status = ANY (ARRAY['AWAITING_CONSENT'::text, 'PENDING'::text, 'ACKNOWLEDGED'::text, 'ACCEPTED'::text, 'DECLINED'::text, 'IN_PROGRESS'::text, 'SUSPENDED'::text, 'COMPLETED'::text, 'WITHDRAWN'::text])))
constraint public.referral referral_targets_ck CHECK ((jsonb_typeof(targets) = 'array'::text))
constraint public.referral_event referral_event_pk PRIMARY KEY (id)
constraint public.referral_event referral_event_referral_fk FOREIGN KEY (referral_id) REFERENCES referral(id) ON DELETE CASCADE
constraint public.referral_open_profile referral_open_profile_pk PRIMARY KEY (agency_id, profile, priority, due_at, referral_id)
constraint public.referral_open_profile referral_open_profile_referral_fk FOREIGN KEY (referral_id) REFERENCES referral(id) ON DELETE CASCADE
constraint public.refresh_token refresh_token_pk PRIMARY KEY (id)
constraint public.refresh_token refresh_token_user_fk FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE
constraint public.removal_order removal_order_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.removal_order removal_order_cancelled_ck CHECK (((status = 'CANCELLED'::text) = ((cancelled_on IS NOT NULL) AND (cancel_reason IS NOT NULL))))
constraint public.removal_order removal_order_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.removal_order removal_order_executed_ck CHECK (((status = 'EXECUTED'::text) = (executed_at IS NOT NULL)))
constraint public.removal_order removal_order_pk PRIMARY KEY (id)
constraint public.removal_order removal_order_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.removal_order removal_order_status_ck CHECK ((status = ANY (ARRAY['ORDERED'::text, 'EXECUTED'::text, 'CANCELLED'::text])))
constraint public.safeguard_event safeguard_event_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.safeguard_event safeguard_event_outcome_ck CHECK ((outcome = ANY (ARRAY['BLOCKED'::text, 'OVERRIDDEN'::text])))
constraint public.safeguard_event safeguard_event_override_ck CHECK (((outcome = 'OVERRIDDEN'::text) = (justification IS NOT NULL)))
constraint public.safeguard_event safeguard_event_pk PRIMARY KEY (id)
constraint public.safeguard_event safeguard_event_safeguard_ck CHECK ((safeguard = ANY (ARRAY['NON_REFOULEMENT'::text, 'DETENTION_GUARD'::text, 'NON_CRIMINALISATION'::text, 'AGE'::text])))
constraint public.schema_migration PK_0edff5015b71cc0389ae0f4b9a1 PRIMARY KEY (id)
constraint public.service_delivery service_delivery_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.service_delivery service_delivery_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.service_delivery service_delivery_pk PRIMARY KEY (id)
constraint public.service_delivery service_delivery_referral_fk FOREIGN KEY (referral_id) REFERENCES referral(id) ON DELETE RESTRICT
constraint public.sop_approval sop_approval_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.sop_approval sop_approval_pk PRIMARY KEY (sop_version_id, agency_id)
constraint public.sop_approval sop_approval_sop_fk FOREIGN KEY (sop_version_id) REFERENCES sop_version(id) ON DELETE CASCADE
constraint public.sop_version sop_version_lifecycle_ck CHECK ((((status <> 'ACTIVE'::text) OR ((activated_at IS NOT NULL) AND (effective_from IS NOT NULL) AND (retired_at IS NULL))) AND ((status <> 'RETIRED'::text) OR (retired_at IS NOT NULL)) AND ((status <> 'DRAFT'::text) OR ((activated_at IS NULL) AND (retired_at IS NULL)))))
constraint public.sop_version sop_version_pk PRIMARY KEY (id)
constraint public.sop_version sop_version_status_ck CHECK ((status = ANY (ARRAY['DRAFT'::text, 'ACTIVE'::text, 'RETIRED'::text])))
constraint public.trafficking_record trafficking_record_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.trafficking_record trafficking_record_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.trafficking_record trafficking_record_permit_ck CHECK (((permit_reference IS NULL) = (permit_granted_on IS NULL)))
constraint public.trafficking_record trafficking_record_pk PRIMARY KEY (id)
constraint public.trafficking_record trafficking_record_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.trafficking_record trafficking_record_reflection_ck CHECK ((((reflection_starts_on IS NULL) = (reflection_ends_on IS NULL)) AND ((reflection_ends_on IS NULL) OR (reflection_ends_on > reflection_starts_on))))
constraint public.trafficking_record trafficking_record_status_ck CHECK ((status = ANY (ARRAY['POTENTIAL'::text, 'PRESUMED'::text, 'IDENTIFIED'::text, 'NOT_IDENTIFIED'::text])))
constraint public.user_email_preference user_email_preference_kinds_ck CHECK ((kinds <@ ARRAY['NEW_REFERRAL'::text, 'DEADLINE_SOON'::text, 'ESCALATION'::text]))
constraint public.user_email_preference user_email_preference_language_ck CHECK ((language = ANY (ARRAY['en'::text, 'fr'::text, 'pt'::text, 'sw'::text, 'ar'::text])))
constraint public.user_email_preference user_email_preference_pk PRIMARY KEY (user_id)
constraint public.user_email_preference user_email_preference_user_fk FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE
constraint public.voluntary_return voluntary_return_agency_fk FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT
constraint public.voluntary_return voluntary_return_case_fk FOREIGN KEY (case_id) REFERENCES case_file(id) ON DELETE CASCADE
constraint public.voluntary_return voluntary_return_confirmed_ck CHECK (((status <> ALL (ARRAY['CONFIRMED'::text, 'DEPARTED'::text])) OR (voluntariness_confirmed_on IS NOT NULL)))
constraint public.voluntary_return voluntary_return_departed_ck CHECK (((status = 'DEPARTED'::text) = (departed_at IS NOT NULL)))
constraint public.voluntary_return voluntary_return_pk PRIMARY KEY (id)
constraint public.voluntary_return voluntary_return_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE RESTRICT
constraint public.voluntary_return voluntary_return_status_ck CHECK ((status = ANY (ARRAY['REQUESTED'::text, 'CONFIRMED'::text, 'DEPARTED'::text, 'WITHDRAWN'::text])))
constraint public.voluntary_return voluntary_return_vulnerability_ck CHECK (((vulnerability_assessed_on IS NULL) = (vulnerability_outcome IS NULL)))
constraint public.voluntary_return voluntary_return_withdrawn_ck CHECK (((status = 'WITHDRAWN'::text) = (withdrawn_on IS NOT NULL)))
index CREATE INDEX dedup_expire_idx ON bullmq.dedup USING btree (queue, expire_at_ms) WHERE (expire_at_ms IS NOT NULL)
index CREATE INDEX dedup_job_idx ON bullmq.dedup USING btree (queue, job_id)
index CREATE UNIQUE INDEX dedup_next_pkey ON bullmq.dedup_next USING btree (queue, dedup_id)
index CREATE UNIQUE INDEX dedup_pkey ON bullmq.dedup USING btree (queue, dedup_id)
index CREATE INDEX dep_child_idx ON bullmq.job_dependency USING btree (child_queue, child_id)
index CREATE INDEX dep_parent_status_idx ON bullmq.job_dependency USING btree (parent_queue, parent_id, status)
index CREATE UNIQUE INDEX event_pkey ON bullmq.event USING btree (queue, id)
index CREATE INDEX job_active_idx ON bullmq.job USING btree (queue, locked_until_ms) WHERE (state = 'active'::bullmq.job_state)
index CREATE INDEX job_delayed_idx ON bullmq.job USING btree (queue, process_at_ms) WHERE (state = 'delayed'::bullmq.job_state)
index CREATE UNIQUE INDEX job_dependency_pkey ON bullmq.job_dependency USING btree (parent_queue, parent_id, child_key)
index CREATE INDEX job_finished_idx ON bullmq.job USING btree (queue, state, finished_at_ms) WHERE (state = ANY (ARRAY['completed'::bullmq.job_state, 'failed'::bullmq.job_state]))
index CREATE UNIQUE INDEX job_log_pkey ON bullmq.job_log USING btree (queue, job_id, idx)
index CREATE INDEX job_parent_idx ON bullmq.job USING btree (parent_queue, parent_id) WHERE (parent_id IS NOT NULL)
index CREATE UNIQUE INDEX job_pkey ON bullmq.job USING btree (queue, id)
index CREATE INDEX job_ready_idx ON bullmq.job USING btree (queue, priority, seq) WHERE (state = 'waiting'::bullmq.job_state)
index CREATE INDEX job_scheduler_idx ON bullmq.job USING btree (queue, scheduler_id) WHERE (scheduler_id IS NOT NULL)
index CREATE INDEX job_waiting_children_idx ON bullmq.job USING btree (queue, seq) WHERE (state = 'waiting-children'::bullmq.job_state)
index CREATE UNIQUE INDEX meta_pkey ON bullmq.meta USING btree (queue, field)
index CREATE UNIQUE INDEX metrics_pkey ON bullmq.metrics USING btree (queue, kind)
index CREATE UNIQUE INDEX migration_pkey ON bullmq.migration USING btree (version)
index CREATE UNIQUE INDEX rate_limit_pkey ON bullmq.rate_limit USING btree (queue)
index CREATE INDEX relay_inbox_node_idx ON bullmq.relay_inbox USING btree (ns, node_id, id)
index CREATE UNIQUE INDEX relay_inbox_pkey ON bullmq.relay_inbox USING btree (id)
index CREATE INDEX relay_node_lease_idx ON bullmq.relay_node USING btree (lease_until)
index CREATE UNIQUE INDEX relay_node_pkey ON bullmq.relay_node USING btree (ns, node_id)
index CREATE INDEX relay_node_registered_idx ON bullmq.relay_node USING btree (ns, registered_at)
index CREATE INDEX relay_retained_expiry_idx ON bullmq.relay_retained USING btree (expires_at)
index CREATE UNIQUE INDEX relay_retained_pkey ON bullmq.relay_retained USING btree (ns, topic)
index CREATE INDEX relay_subscription_endpoint_idx ON bullmq.relay_subscription USING btree (ns, node_id, endpoint_id)
index CREATE UNIQUE INDEX relay_subscription_pkey ON bullmq.relay_subscription USING btree (ns, pattern, node_id, endpoint_id)
index CREATE INDEX relay_subscription_root_idx ON bullmq.relay_subscription USING btree (ns, root)
index CREATE INDEX scheduler_next_idx ON bullmq.scheduler USING btree (queue, next_run_ms)
index CREATE UNIQUE INDEX scheduler_pkey ON bullmq.scheduler USING btree (queue, scheduler_id)
index CREATE UNIQUE INDEX "PK_0edff5015b71cc0389ae0f4b9a1" ON public.schema_migration USING btree (id)
index CREATE INDEX age_assessment_case_idx ON public.age_assessment USING btree (case_id, requested_on)
index CREATE UNIQUE INDEX age_assessment_open_uq ON public.age_assessment USING btree (case_id) WHERE (completed_on IS NULL)
index CREATE UNIQUE INDEX age_assessment_pk ON public.age_assessment USING btree (id)
index CREATE UNIQUE INDEX agency_duty_email_pk ON public.agency_duty_email USING btree (agency_id)
index CREATE INDEX agency_kind_idx ON public.agency USING btree (kind)
index CREATE UNIQUE INDEX agency_name_uq ON public.agency USING btree (name)
index CREATE UNIQUE INDEX agency_pk ON public.agency USING btree (id)
index CREATE UNIQUE INDEX agency_webhook_pk ON public.agency_webhook USING btree (agency_id)
index CREATE INDEX app_user_agency_idx ON public.app_user USING btree (agency_id)
index CREATE UNIQUE INDEX app_user_pk ON public.app_user USING btree (id)
index CREATE UNIQUE INDEX app_user_username_uq ON public.app_user USING btree (username)
index CREATE INDEX asylum_claim_case_idx ON public.asylum_claim USING btree (case_id, created_at)
index CREATE UNIQUE INDEX asylum_claim_case_uq ON public.asylum_claim USING btree (case_id) WHERE (withdrawn_on IS NULL)
index CREATE UNIQUE INDEX asylum_claim_pk ON public.asylum_claim USING btree (id)
index CREATE INDEX asylum_wish_withdrawal_case_idx ON public.asylum_wish_withdrawal USING btree (case_id, created_at)
index CREATE UNIQUE INDEX asylum_wish_withdrawal_pk ON public.asylum_wish_withdrawal USING btree (id)
index CREATE UNIQUE INDEX audit_chain_head_pk ON public.audit_chain_head USING btree (chain_key)
index CREATE INDEX audit_event_case_idx ON public.audit_event USING btree (case_id, id) WHERE (case_id IS NOT NULL)
index CREATE INDEX audit_event_chain_idx ON public.audit_event USING btree (chain_key, id)
index CREATE UNIQUE INDEX audit_event_pk ON public.audit_event USING btree (id)
index CREATE UNIQUE INDEX audit_legacy_head_pk ON public.audit_legacy_head USING btree (chain_key)
index CREATE INDEX best_interests_procedure_case_idx ON public.best_interests_procedure USING btree (case_id, kind, opened_on)
index CREATE UNIQUE INDEX best_interests_procedure_open_uq ON public.best_interests_procedure USING btree (case_id, kind) WHERE (completed_on IS NULL)
index CREATE UNIQUE INDEX best_interests_procedure_pk ON public.best_interests_procedure USING btree (id)
index CREATE UNIQUE INDEX border_point_code_uq ON public.border_point USING btree (code)
index CREATE UNIQUE INDEX border_point_pk ON public.border_point USING btree (id)
index CREATE UNIQUE INDEX care_placement_current_uq ON public.care_placement USING btree (case_id) WHERE (ended_on IS NULL)
index CREATE UNIQUE INDEX care_placement_pk ON public.care_placement USING btree (id)
index CREATE UNIQUE INDEX case_assignment_active_uq ON public.case_assignment USING btree (case_id, agency_id) WHERE (ended_at IS NULL)
index CREATE UNIQUE INDEX case_assignment_pk ON public.case_assignment USING btree (id)
index CREATE INDEX case_assignment_user_idx ON public.case_assignment USING btree (user_id, assigned_at DESC) WHERE (ended_at IS NULL)
index CREATE UNIQUE INDEX case_closure_open_uq ON public.case_closure USING btree (case_id) WHERE (reopened_at IS NULL)
index CREATE UNIQUE INDEX case_closure_pk ON public.case_closure USING btree (id)
index CREATE INDEX case_companion_other_idx ON public.case_companion USING btree (companion_case_id)
index CREATE UNIQUE INDEX case_companion_pk ON public.case_companion USING btree (case_id, companion_case_id)
index CREATE INDEX case_file_arrived_idx ON public.case_file USING btree (arrived_at DESC, id DESC)
index CREATE INDEX case_file_border_point_idx ON public.case_file USING btree (border_point_id, arrived_at DESC, id DESC)
index CREATE UNIQUE INDEX case_file_intake_uq ON public.case_file USING btree (intake_id, intake_position)
index CREATE INDEX case_file_nationalities_idx ON public.case_file USING gin (nationalities)
index CREATE UNIQUE INDEX case_file_number_uq ON public.case_file USING btree (case_number)
index CREATE UNIQUE INDEX case_file_pk ON public.case_file USING btree (id)
index CREATE INDEX case_file_status_idx ON public.case_file USING btree (status, arrived_at DESC, id DESC)
index CREATE INDEX case_lead_agency_idx ON public.case_lead USING btree (agency_id, case_id)
index CREATE UNIQUE INDEX case_lead_pk ON public.case_lead USING btree (case_id)
index CREATE INDEX case_note_case_idx ON public.case_note USING btree (case_id, created_at, id)
index CREATE UNIQUE INDEX case_note_pk ON public.case_note USING btree (id)
index CREATE UNIQUE INDEX case_number_counter_pk ON public.case_number_counter USING btree (border_point_id, year)
index CREATE UNIQUE INDEX case_profile_pk ON public.case_profile USING btree (case_id, profile)
index CREATE INDEX case_profile_profile_idx ON public.case_profile USING btree (profile, case_id) WHERE (status <> 'REMOVED'::text)
index CREATE UNIQUE INDEX case_section_pk ON public.case_section USING btree (case_id, field_group)
index CREATE INDEX case_share_agency_idx ON public.case_share USING btree (agency_id, case_id)
index CREATE UNIQUE INDEX case_share_pk ON public.case_share USING btree (case_id, agency_id)
index CREATE UNIQUE INDEX case_task_action_uq ON public.case_task USING btree (referral_id, kind) WHERE ((referral_id IS NOT NULL) AND (escalation_step IS NULL))
index CREATE INDEX case_task_agency_open_idx ON public.case_task USING btree (agency_id, due_at) WHERE (status = 'OPEN'::text)
index CREATE INDEX case_task_assignee_open_idx ON public.case_task USING btree (assigned_to, due_at) WHERE ((status = 'OPEN'::text) AND (assigned_to IS NOT NULL))
index CREATE INDEX case_task_border_point_open_idx ON public.case_task USING btree (border_point_id, due_at) WHERE (status = 'OPEN'::text)
index CREATE INDEX case_task_case_idx ON public.case_task USING btree (case_id)
index CREATE UNIQUE INDEX case_task_escalation_uq ON public.case_task USING btree (referral_id, escalation_step) WHERE (escalation_step IS NOT NULL)
index CREATE UNIQUE INDEX case_task_pk ON public.case_task USING btree (id)
index CREATE INDEX case_transfer_incoming_idx ON public.case_transfer USING btree (to_agency_id, proposed_at DESC, id DESC)
index CREATE UNIQUE INDEX case_transfer_open_uq ON public.case_transfer USING btree (case_id) WHERE (status = 'PROPOSED'::text)
index CREATE INDEX case_transfer_outgoing_idx ON public.case_transfer USING btree (from_agency_id, proposed_at DESC, id DESC)
index CREATE UNIQUE INDEX case_transfer_pk ON public.case_transfer USING btree (id)
index CREATE INDEX consent_record_case_idx ON public.consent_record USING btree (case_id, purpose)
index CREATE UNIQUE INDEX consent_record_pk ON public.consent_record USING btree (id)
index CREATE INDEX detention_access_episode_idx ON public.detention_access USING btree (episode_id, visited_at)
index CREATE UNIQUE INDEX detention_access_pk ON public.detention_access USING btree (id)
index CREATE INDEX detention_episode_case_idx ON public.detention_episode USING btree (case_id, started_at)
index CREATE INDEX detention_episode_open_review_idx ON public.detention_episode USING btree (next_review_on, id) WHERE (ended_at IS NULL)
index CREATE UNIQUE INDEX detention_episode_open_uq ON public.detention_episode USING btree (case_id) WHERE (ended_at IS NULL)
index CREATE UNIQUE INDEX detention_episode_pk ON public.detention_episode USING btree (id)
index CREATE INDEX detention_episode_started_idx ON public.detention_episode USING btree (started_at DESC, id DESC)
index CREATE INDEX detention_review_episode_idx ON public.detention_review USING btree (episode_id, reviewed_on)
index CREATE UNIQUE INDEX detention_review_pk ON public.detention_review USING btree (id)
index CREATE INDEX email_delivery_agency_created_idx ON public.email_delivery USING btree (agency_id, created_at DESC, id DESC)
index CREATE INDEX email_delivery_created_idx ON public.email_delivery USING btree (created_at DESC, id DESC)
index CREATE UNIQUE INDEX email_delivery_event_recipient_uq ON public.email_delivery USING btree (event_key, recipient_key)
index CREATE UNIQUE INDEX email_delivery_pk ON public.email_delivery USING btree (id)
index CREATE INDEX email_delivery_referral_idx ON public.email_delivery USING btree (referral_id)
index CREATE INDEX family_reunification_case_idx ON public.family_reunification USING btree (case_id, created_at)
index CREATE UNIQUE INDEX family_reunification_pk ON public.family_reunification USING btree (id)
index CREATE INDEX family_tracing_case_idx ON public.family_tracing USING btree (case_id, created_at)
index CREATE UNIQUE INDEX family_tracing_pk ON public.family_tracing USING btree (id)
index CREATE INDEX guardian_appointment_case_idx ON public.guardian_appointment USING btree (case_id, appointed_on)
index CREATE UNIQUE INDEX guardian_appointment_pk ON public.guardian_appointment USING btree (id)
index CREATE UNIQUE INDEX intake_submission_pk ON public.intake_submission USING btree (intake_id)
index CREATE INDEX outbox_message_in_flight_idx ON public.outbox_message USING btree (published_at) WHERE ((published_at IS NOT NULL) AND (completed_at IS NULL) AND (failed_at IS NULL))
index CREATE INDEX outbox_message_job_id_idx ON public.outbox_message USING btree (job_id)
index CREATE UNIQUE INDEX outbox_message_pk ON public.outbox_message USING btree (id)
index CREATE INDEX outbox_message_published_at_idx ON public.outbox_message USING btree (published_at) WHERE (published_at IS NOT NULL)
index CREATE INDEX outbox_message_unpublished_idx ON public.outbox_message USING btree (id) WHERE (published_at IS NULL)
index CREATE INDEX person_document_number_idx ON public.person_document USING btree (number_normalised)
index CREATE UNIQUE INDEX person_document_pk ON public.person_document USING btree (case_id, "position")
index CREATE INDEX person_identity_idx ON public.person USING btree (identity_id)
index CREATE UNIQUE INDEX person_name_pk ON public.person_name USING btree (case_id, "position")
index CREATE INDEX person_name_trgm_idx ON public.person_name USING gin (name_normalised gin_trgm_ops) WITH (fastupdate=off)
index CREATE UNIQUE INDEX person_pk ON public.person USING btree (case_id)
index CREATE UNIQUE INDEX possible_encounter_pair_uq ON public.possible_encounter USING btree (case_id, matched_case_id)
index CREATE UNIQUE INDEX possible_encounter_pk ON public.possible_encounter USING btree (id)
index CREATE INDEX profile_decision_case_idx ON public.profile_decision USING btree (case_id, decided_at)
index CREATE UNIQUE INDEX profile_decision_pk ON public.profile_decision USING btree (id)
index CREATE UNIQUE INDEX profiling_run_case_version_uq ON public.profiling_run USING btree (case_id, version)
index CREATE UNIQUE INDEX profiling_run_pk ON public.profiling_run USING btree (id)
index CREATE INDEX protection_flag_case_idx ON public.protection_flag USING btree (case_id, kind) WHERE (closed_at IS NULL)
index CREATE UNIQUE INDEX protection_flag_pk ON public.protection_flag USING btree (id)
index CREATE INDEX referral_agency_created_idx ON public.referral USING btree (agency_id, created_at)
index CREATE INDEX referral_agency_open_idx ON public.referral USING btree (agency_id, priority, due_at, id) WHERE (status <> ALL (ARRAY['DECLINED'::text, 'COMPLETED'::text, 'WITHDRAWN'::text]))
index CREATE INDEX referral_agency_overdue_idx ON public.referral USING btree (agency_id, priority, due_at, id) WHERE ((overdue_at IS NOT NULL) AND (status <> ALL (ARRAY['DECLINED'::text, 'COMPLETED'::text, 'WITHDRAWN'::text])))
index CREATE INDEX referral_case_idx ON public.referral USING btree (case_id)
index CREATE INDEX referral_escalated_late_idx ON public.referral USING btree (overdue_at, id) WHERE ((overdue_at IS NOT NULL) AND (escalation_level > 0) AND (acknowledged_at IS NULL) AND (status = ANY (ARRAY['AWAITING_CONSENT'::text, 'PENDING'::text])))
index CREATE INDEX referral_escalation_due_idx ON public.referral USING btree (next_escalation_at, id) WHERE ((next_escalation_at IS NOT NULL) AND (acknowledged_at IS NULL) AND (status = ANY (ARRAY['AWAITING_CONSENT'::text, 'PENDING'::text])))
index CREATE INDEX referral_event_case_idx ON public.referral_event USING btree (case_id, id)
index CREATE UNIQUE INDEX referral_event_pk ON public.referral_event USING btree (id)
index CREATE INDEX referral_event_referral_idx ON public.referral_event USING btree (referral_id, id)
index CREATE INDEX referral_first_contact_due_idx ON public.referral USING btree (due_at) WHERE ((status = ANY (ARRAY['AWAITING_CONSENT'::text, 'PENDING'::text])) AND (overdue_at IS NULL))
index CREATE INDEX referral_first_contact_late_idx ON public.referral USING btree (due_at) WHERE ((status = ANY (ARRAY['AWAITING_CONSENT'::text, 'PENDING'::text])) AND (acknowledged_at IS NULL))
index CREATE UNIQUE INDEX referral_open_profile_pk ON public.referral_open_profile USING btree (agency_id, profile, priority, due_at, referral_id)
index CREATE INDEX referral_open_profile_referral_idx ON public.referral_open_profile USING btree (referral_id)
index CREATE UNIQUE INDEX referral_open_uq ON public.referral USING btree (case_id, agency_id) WHERE (status <> ALL (ARRAY['DECLINED'::text, 'COMPLETED'::text, 'WITHDRAWN'::text]))
index CREATE UNIQUE INDEX referral_pk ON public.referral USING btree (id)
index CREATE INDEX referral_queue_idx ON public.referral USING btree (agency_id, status, priority, due_at, id)
index CREATE INDEX referral_sender_idx ON public.referral USING btree (border_point_id, created_at DESC, id DESC)
index CREATE INDEX referral_sent_queue_idx ON public.referral USING btree (border_point_id, priority, due_at, id)
index CREATE INDEX referral_sent_status_idx ON public.referral USING btree (border_point_id, status, priority, due_at, id)
index CREATE INDEX refresh_token_family_idx ON public.refresh_token USING btree (family_id)
index CREATE UNIQUE INDEX refresh_token_hash_uq ON public.refresh_token USING btree (token_hash)
index CREATE UNIQUE INDEX refresh_token_pk ON public.refresh_token USING btree (id)
index CREATE INDEX removal_order_case_idx ON public.removal_order USING btree (case_id, decided_on)
index CREATE UNIQUE INDEX removal_order_pending_uq ON public.removal_order USING btree (case_id) WHERE (status = 'ORDERED'::text)
index CREATE UNIQUE INDEX removal_order_pk ON public.removal_order USING btree (id)
index CREATE INDEX safeguard_event_case_idx ON public.safeguard_event USING btree (case_id, occurred_at)
index CREATE INDEX safeguard_event_occurred_idx ON public.safeguard_event USING btree (occurred_at DESC, id DESC)
index CREATE UNIQUE INDEX safeguard_event_pk ON public.safeguard_event USING btree (id)
index CREATE INDEX service_delivery_case_idx ON public.service_delivery USING btree (case_id, delivered_on)
index CREATE UNIQUE INDEX service_delivery_pk ON public.service_delivery USING btree (id)
index CREATE UNIQUE INDEX sop_approval_pk ON public.sop_approval USING btree (sop_version_id, agency_id)
index CREATE UNIQUE INDEX sop_version_active_uq ON public.sop_version USING btree (jurisdiction) WHERE (status = 'ACTIVE'::text)
index CREATE UNIQUE INDEX sop_version_label_uq ON public.sop_version USING btree (jurisdiction, label)
index CREATE INDEX sop_version_list_idx ON public.sop_version USING btree (jurisdiction, created_at DESC, id DESC)
index CREATE UNIQUE INDEX sop_version_pk ON public.sop_version USING btree (id)
index CREATE INDEX sop_version_recent_idx ON public.sop_version USING btree (created_at DESC, id DESC)
index CREATE UNIQUE INDEX trafficking_record_case_uq ON public.trafficking_record USING btree (case_id)
index CREATE UNIQUE INDEX trafficking_record_pk ON public.trafficking_record USING btree (id)
index CREATE UNIQUE INDEX user_email_preference_pk ON public.user_email_preference USING btree (user_id)
index CREATE INDEX voluntary_return_case_idx ON public.voluntary_return USING btree (case_id, requested_on)
index CREATE UNIQUE INDEX voluntary_return_pk ON public.voluntary_return USING btree (id)
index CREATE UNIQUE INDEX voluntary_return_under_way_uq ON public.voluntary_return USING btree (case_id) WHERE (status = ANY (ARRAY['REQUESTED'::text, 'CONFIRMED'::text]))
sequence bullmq.event_seq bigint
sequence bullmq.job_seq bigint
sequence bullmq.relay_inbox_id_seq bigint owned by bullmq.relay_inbox.id
sequence bullmq.relay_mid_seq bigint
sequence public.audit_event_id_seq bigint owned by public.audit_event.id
sequence public.outbox_message_id_seq bigint owned by public.outbox_message.id
sequence public.referral_event_id_seq bigint owned by public.referral_event.id
sequence public.schema_migration_id_seq integer owned by public.schema_migration.id
function bullmq.add_flow(p_entries jsonb) md5 c530768a4a21734443f43d78dc14177b
function bullmq.add_flow_unlocked(p_entries jsonb) md5 a17f65da6df4a29e4b473ef94de425d2
function bullmq.add_job(p_queue text, p_id text, p_name text, p_data jsonb, p_opts jsonb, p_priority integer, p_delay bigint, p_timestamp bigint, p_max_attempts integer, p_parent_queue text, p_parent_id text, p_parent_key text, p_dedup_id text, p_scheduler_id text, p_lifo boolean) md5 a5bc592c2621be0915b7909ed553cd14
function bullmq.add_job_scheduler(p_queue text, p_scheduler_id text, p_next_millis bigint, p_template_data jsonb, p_template_opts jsonb, p_opts jsonb, p_delayed_opts jsonb, p_now bigint, p_producer_id text) md5 2117bba37f372ad8c0d326b99a6b02c1
function bullmq.add_job_unlocked(p_queue text, p_id text, p_name text, p_data jsonb, p_opts jsonb, p_priority integer, p_delay bigint, p_timestamp bigint, p_max_attempts integer, p_parent_queue text, p_parent_id text, p_parent_key text, p_dedup_id text, p_scheduler_id text, p_lifo boolean) md5 64d1e6d6348569057687e29473ddccfb
function bullmq.add_jobs_bulk(p_queue text, p_entries jsonb) md5 3186c8fd7b12b054803cf014c91fcb16
function bullmq.add_jobs_bulk_unlocked(p_queue text, p_entries jsonb) md5 7f803ce30948e79f0a1db66692ac3366
function bullmq.apply_retention(p_queue text, p_id text, p_state bullmq.job_state, p_now bigint, p_remove_all boolean, p_keep_age bigint, p_keep_count integer) md5 6648e64b7b6ab642e84740c76ce0db0e
function bullmq.change_delay(p_queue text, p_id text, p_delay bigint, p_now bigint) md5 e47f73995a0f50a0b786e206e4eebaf9
function bullmq.change_priority(p_queue text, p_id text, p_priority integer, p_lifo boolean) md5 7455c3d6c6c09221f40bd144f6657402
function bullmq.clean(p_queue text, p_type text, p_ts bigint, p_limit integer) md5 1d3e1f36d3693a741919ac00e8785f7f
function bullmq.collect_metrics(p_queue text, p_kind text, p_max integer, p_ts bigint) md5 4262528885a935271c304461f48ce703
function bullmq.dedup_finalize(p_queue text, p_dedup_id text, p_job_id text, p_now bigint) md5 4bc21d56c3211ddd49b7b1d58e5473af
function bullmq.dedup_on_removal(p_queue text, p_job_id text, p_dedup_id text) md5 04ca54ab0e09e35dac12b11e15da9dd5
function bullmq.dedup_store_next(p_queue text, p_dedup_id text, p_winner text, p_job_id text, p_keeplast boolean, p_name text, p_data jsonb, p_opts jsonb) md5 024e420af524598e554cf5e492f2d858
function bullmq.deduplicate_job(p_queue text, p_dedup jsonb, p_job_id text, p_now bigint, p_name text, p_data jsonb, p_opts jsonb) md5 f07047313ff948f7d5f25ad7aff401e5
function bullmq.drain(p_queue text, p_delayed boolean) md5 70d30d92dac9e09edad794b172990d07
function bullmq.extend_lock(p_queue text, p_id text, p_token text, p_lock_ms bigint, p_now bigint) md5 7818267a9f72823bccd6654b11de9d38
function bullmq.get_range(p_queue text, p_type text, p_start integer, p_end integer, p_asc boolean) md5 17c397622f6224c2ccdec39195546853
function bullmq.handle_child_failure(p_queue text, p_id text, p_reason text, p_now bigint) md5 47c10ccaec00062d68e212d0d0bde235
function bullmq.handle_duplicated_job(p_queue text, p_id text, p_parent_queue text, p_parent_id text, p_parent_key text, p_now bigint, p_defer_release boolean) md5 58c5660386bcb9a86dbcb8db1fb8ac84
function bullmq.job_id_seq_name(p_queue text) md5 d79bcbf24d19246d3120e287b5c66bf1
function bullmq.lock_finalization_queues(p_queue text, p_id text) md5 7e990d7be2a2e5f27498fed37ad607a8
function bullmq.lock_producer_queues(p_entries jsonb) md5 75f2899284d7f187bbd990230a8698f5
function bullmq.move_active_to_wait(p_queue text, p_id text, p_token text, p_now bigint) md5 29d4b4dfdfaf59940e6cf9c82c22a8ef
function bullmq.move_parent_to_wait(p_parent_queue text, p_parent_id text, p_now bigint) md5 933d4e75cba5ebd1214db674976d9aa2
function bullmq.move_stalled_jobs_to_wait(p_queue text, p_max_stalled integer, p_now bigint, p_max_check_time bigint) md5 dac741e2c3f2a0c1261bd7a127cb5464
function bullmq.move_to_active(p_queue text, p_token text, p_lock_ms bigint, p_now bigint, p_name text, p_limiter_max integer, p_limiter_duration bigint) md5 18806add1e0e700f35d6863a89d36a77
function bullmq.move_to_completed(p_queue text, p_id text, p_token text, p_return_value jsonb, p_finished_on bigint, p_remove_all boolean, p_keep_age bigint, p_keep_count integer) md5 6c1980c14e87ec4ac2f479d411d86041
function bullmq.move_to_completed_fetch(p_queue text, p_id text, p_token text, p_return_value jsonb, p_finished_on bigint, p_remove_all boolean, p_keep_age bigint, p_keep_count integer, p_lock_ms bigint, p_now bigint, p_name text, p_limiter_max integer, p_limiter_duration bigint) md5 c2805393d8fd0cbdf352ee5752dbed7e
function bullmq.move_to_delayed(p_queue text, p_id text, p_token text, p_process_at bigint, p_delay bigint, p_skip_attempt boolean, p_failed_reason text, p_stacktrace jsonb) md5 e6ef64bbb40f5cb55e845d56ef3a8961
function bullmq.move_to_failed(p_queue text, p_id text, p_token text, p_failed_reason text, p_stacktrace jsonb, p_finished_on bigint, p_remove_all boolean, p_keep_age bigint, p_keep_count integer) md5 b872dc911ac6d0fa57257d121af72c10
function bullmq.move_to_failed_fetch(p_queue text, p_id text, p_token text, p_failed_reason text, p_stacktrace jsonb, p_finished_on bigint, p_remove_all boolean, p_keep_age bigint, p_keep_count integer, p_lock_ms bigint, p_now bigint, p_name text, p_limiter_max integer, p_limiter_duration bigint) md5 49811d3898177682aab78c5046509fd6
function bullmq.move_to_waiting_children(p_queue text, p_id text, p_token text) md5 46e741cec9443dde0cd2f5dca8664b5a
function bullmq.next_delay(p_queue text) md5 61cf1ad0116f96f6f7fcaa46ccd054f2
function bullmq.next_job_id(p_queue text) md5 c9ac6b2fb12959d8039d31bf0039f644
function bullmq.next_signal(p_queue text, p_limiter_max integer, p_now bigint) md5 34bd4c089ecee3536a44a89bf2e9d42c
function bullmq.obliterate(p_queue text, p_count integer, p_force boolean) md5 d3033ad067c8734a4563aab4fa967a61
function bullmq.pause(p_queue text, p_paused boolean) md5 6da9e782a167c3afb3611f8df447e174
function bullmq.promote(p_queue text, p_id text) md5 d7d737183c79a37589dc71705ae4877b
function bullmq.promote_jobs(p_queue text, p_count integer) md5 93c3223382ede4002c69316ab4f1f43c
function bullmq.publish_event(p_queue text, p_event text, p_data jsonb) md5 751d8a193f693f938f59e338846d9f97
function bullmq.rate_limit_consume(p_queue text, p_duration bigint, p_now bigint) md5 4be65bc9553f687166ace86cc5b18bc5
function bullmq.rate_limit_effective(p_queue text, p_limiter_max integer, p_now bigint) md5 ff57f0cb8cefe131686835908b30671d
function bullmq.rate_limit_ttl(p_queue text, p_max_jobs integer, p_now bigint) md5 04cb86b2886d7bbb5057e806a3979ff6
function bullmq.relay_delete_retained(p_ns text, p_topic text) md5 3796a27fded774f14c1181a532c76481
function bullmq.relay_get_counts(p_ns text) md5 cd5b9885d59539024367d8fac6a17bcc
function bullmq.relay_get_namespaces() md5 8a751e71809f2c313a320ef29b2d26fc
function bullmq.relay_get_nodes(p_ns text, p_start integer, p_end integer) md5 b80f90b9d1474ab75ce09910a0a673bf
function bullmq.relay_get_patterns(p_ns text, p_start integer, p_end integer) md5 8185f13b974345cea10bc85a14cf3350
function bullmq.relay_get_retained(p_ns text, p_start integer, p_end integer) md5 9dac97ad5b38899406900858be00f74b
function bullmq.relay_get_subscriptions(p_ns text, p_node text, p_pattern text, p_start integer, p_end integer) md5 5f25e560328462b60dc7137600441442
function bullmq.relay_heartbeat(p_ns text, p_node text, p_lease_ms bigint) md5 e9d83090654bed90a4956582c79b05ed
function bullmq.relay_is_valid_id(p_id text) md5 47cdbffc375690fabc61d6343ddca5ec
function bullmq.relay_match_topic(p_pattern text[], p_topic text[]) md5 37d9b56e68ed5c49955b650cec29f128
function bullmq.relay_ms(p_time timestamp with time zone) md5 5ca03920d810965ac05b32944686dce5
function bullmq.relay_page_limit(p_start integer, p_end integer) md5 ada631d6286a88ba549ac76cd7ffedc8
function bullmq.relay_parse_topic(p_value text, p_allow_wildcards boolean) md5 8b9ea562fd49c4f3c0ca29a23d66f937
function bullmq.relay_publish(p_ns text, p_topic text, p_data text, p_ts bigint, p_retain_ms bigint, p_max_size integer) md5 ac0d8981c9b9e331d76655949cf3331d
function bullmq.relay_read_inbox(p_ns text, p_node text, p_ack bigint[], p_limit integer) md5 00a54d30adbeb918eb6e00e942fbeaaf
function bullmq.relay_register_node(p_ns text, p_node text, p_lease_ms bigint, p_info jsonb) md5 a6e7d840be8efff5cd0310c26b094795
function bullmq.relay_remove_endpoint(p_ns text, p_node text, p_endpoint text) md5 6d7d06a5224a992e79a4b7c0303f3216
function bullmq.relay_subscribe(p_ns text, p_node text, p_endpoint text, p_pattern text) md5 b0fc38956cf1ccf0dddaf97162aab052
function bullmq.relay_sweep(p_ns text, p_limit integer) md5 7265a41ae5aff713cb4bf59bb7d39bd6
function bullmq.relay_trim_inbox(p_ns text, p_node text, p_ack bigint[], p_max_len integer) md5 ecfec996b6b127f62a0ed613b61cf1cf
function bullmq.relay_unregister_node(p_ns text, p_node text) md5 4bcd9d37a9f5fa8525c0c8768a18bb75
function bullmq.remove(p_queue text, p_id text, p_remove_children boolean) md5 b7f76068ded5ef735c6ebd4e4a424148
function bullmq.remove_child_dependency(p_queue text, p_id text, p_parent_key text, p_now bigint) md5 a3fc05e51c9e9b4688c289423e8bfe71
function bullmq.remove_job_scheduler(p_queue text, p_scheduler_id text) md5 dd43fe2a27a2ff6f81bbc7cae4441725
function bullmq.remove_unprocessed_children(p_queue text, p_id text) md5 a88d412d4413295906a02e0af63b58ba
function bullmq.reprocess_job(p_queue text, p_id text, p_state text, p_lifo boolean, p_reset_made boolean, p_reset_started boolean) md5 f691dd951ebea3e730c9b4811cb19ac2
function bullmq.requeue_dedup_next(p_queue text, p_dedup_id text, p_now bigint) md5 0cdc4ec3a94e84949c404cb5a44919a4
function bullmq.retry_job(p_queue text, p_id text, p_token text, p_lifo boolean, p_failed_reason text, p_stacktrace jsonb) md5 6cf1e2d187a60c4fa28ae6e8462513bf
function bullmq.retry_jobs(p_queue text, p_state text, p_count integer, p_timestamp bigint) md5 2187484b22b269a00fca46bd4f4a900e
function bullmq.scheduler_every_next_millis(p_prev bigint, p_every bigint, p_now bigint, p_offset bigint, p_start bigint) md5 50fa07f149c752e3d685debbe9a14556
function bullmq.set_rate_limit(p_queue text, p_expire_ms bigint, p_now bigint) md5 b6d7919c78ebfec67d5f3e90d39c89fb
function bullmq.update_job_scheduler_next_millis(p_queue text, p_scheduler_id text, p_next_millis bigint, p_template_data jsonb, p_delayed_opts jsonb, p_now bigint, p_producer_id text) md5 4c14e3a93ab949b516a38b4077eec1c8
function bullmq.update_progress(p_queue text, p_id text, p_progress jsonb) md5 dde3d69dfae6f968c9661846f951bde1
function public.audit_event_append_only()
    CREATE OR REPLACE FUNCTION public.audit_event_append_only()
     RETURNS trigger
     LANGUAGE plpgsql
    AS $function$
          BEGIN
            RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
              USING ERRCODE = 'insufficient_privilege';
          END
          $function$
function public.kivuko_accept_transfer(p_transfer uuid, p_user uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_accept_transfer(p_transfer uuid, p_user uuid)
     RETURNS uuid
     LANGUAGE plpgsql
     SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
          DECLARE
            t case_transfer%ROWTYPE;
          BEGIN
            SELECT * INTO t FROM case_transfer WHERE id = p_transfer FOR UPDATE;
            IF NOT FOUND OR NOT kivuko_scope_agency_staff() OR t.to_agency_id IS DISTINCT FROM kivuko_scope_agency()
               OR p_user IS DISTINCT FROM nullif(current_setting('kivuko.user_id', true), '')::uuid THEN
              RETURN NULL;
            END IF;
            -- Still open, still proposed by the agency that leads the case, still on a basis on record, on a case not closed.
            IF t.status <> 'PROPOSED'
               OR NOT EXISTS (SELECT 1 FROM case_lead l WHERE l.case_id = t.case_id AND l.agency_id = t.from_agency_id)
               OR NOT EXISTS (SELECT 1 FROM consent_record cr WHERE cr.id = (t.basis->>'consentId')::uuid AND cr.case_id = t.case_id AND cr.withdrawn_at IS NULL)
               OR EXISTS (SELECT 1 FROM case_file c WHERE c.id = t.case_id AND c.status = 'CLOSED') THEN
              RETURN NULL;
            END IF;
            UPDATE case_transfer SET status = 'ACCEPTED', decided_by = p_user, decided_at = now() WHERE id = t.id;
            INSERT INTO case_share (case_id, agency_id, source) VALUES (t.case_id, t.to_agency_id, 'TRANSFER') ON CONFLICT DO NOTHING;
            INSERT INTO case_lead (case_id, agency_id, source, transfer_id) VALUES (t.case_id, t.to_agency_id, 'TRANSFER', t.id)
              ON CONFLICT (case_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, since = now(), source = 'TRANSFER', referral_id = NULL, transfer_id = EXCLUDED.transfer_id;
            RETURN t.case_id;
          END $function$
function public.kivuko_can_see_case(p_case uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_can_see_case(p_case uuid)
     RETURNS boolean
     LANGUAGE sql
     STABLE
    AS $function$
            SELECT EXISTS (SELECT 1 FROM case_file WHERE id = p_case)
          $function$
function public.kivuko_case_identity(p_case uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_case_identity(p_case uuid)
     RETURNS uuid
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
            SELECT identity_id FROM person WHERE case_id = p_case
          $function$
function public.kivuko_case_number(p_case uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_case_number(p_case uuid)
     RETURNS text
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
            SELECT case_number FROM case_file WHERE id = p_case
          $function$
function public.kivuko_case_row_visible(p_case uuid, p_border_point uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_case_row_visible(p_case uuid, p_border_point uuid)
     RETURNS boolean
     LANGUAGE plpgsql
     STABLE
    AS $function$
          BEGIN
            IF kivuko_scope_is_system() OR kivuko_scope_sees_border_point(p_border_point) THEN
              RETURN true;
            END IF;
            RETURN kivuko_scope_agency_staff()
               AND EXISTS (SELECT 1 FROM case_share s WHERE s.case_id = p_case AND s.agency_id = kivuko_scope_agency());
          END $function$
function public.kivuko_encounter_candidates(p_names text[], p_document_numbers text[], p_similarity real, p_per_name integer)
    CREATE OR REPLACE FUNCTION public.kivuko_encounter_candidates(p_names text[], p_document_numbers text[], p_similarity real, p_per_name integer)
     RETURNS TABLE(case_id uuid, case_number text, identity_id uuid, border_point_id uuid, arrived_at timestamp with time zone, names text[], date_of_birth date, date_of_birth_estimated boolean, nationalities text[], documents jsonb)
     LANGUAGE plpgsql
     STABLE SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
     SET enable_seqscan TO 'off'
    AS $function$
          BEGIN
            PERFORM set_config('pg_trgm.similarity_threshold', p_similarity::text, true);
            RETURN QUERY
            WITH hits AS (
              SELECT h.case_id FROM unnest(p_names) AS probe(name)
                CROSS JOIN LATERAL (
                  SELECT pn.case_id FROM person_name pn
                  WHERE pn.name_normalised % probe.name
                  ORDER BY pn.name_normalised <-> probe.name
                  LIMIT p_per_name) h
              UNION
              SELECT d.case_id FROM person_document d WHERE d.number_normalised = ANY (p_document_numbers)
            )
            SELECT c.id, c.case_number, p.identity_id, c.border_point_id, c.arrived_at,
                   ARRAY(SELECT n.name_normalised FROM person_name n WHERE n.case_id = c.id ORDER BY n.position),
                   p.date_of_birth, p.date_of_birth_estimated, p.nationalities,
                   coalesce((SELECT jsonb_agg(jsonb_build_object('kind', d.kind, 'number', d.number_normalised, 'country', d.issuing_country))
                             FROM person_document d WHERE d.case_id = c.id), '[]'::jsonb)
            FROM hits JOIN case_file c ON c.id = hits.case_id JOIN person p ON p.case_id = c.id;
          END $function$
function public.kivuko_encounter_comparison(p_encounter uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_encounter_comparison(p_encounter uuid)
     RETURNS TABLE(side text, case_id uuid, case_number text, given_name text, family_name text, other_names text[], sex text, date_of_birth date, date_of_birth_estimated boolean, stated_age smallint, nationalities text[], languages text[], border_point_id uuid, border_point_code text, border_point_name text, arrived_at timestamp with time zone, registered_at timestamp with time zone, documents jsonb)
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
            WITH pair AS (
              SELECT e.case_id, e.matched_case_id
              FROM possible_encounter e JOIN case_file own ON own.id = e.case_id
              WHERE e.id = p_encounter
                AND kivuko_scope_has_role('SUPERVISOR')
                AND own.border_point_id = ANY (kivuko_scope_border_points())
            ), sides AS (
              SELECT 'NEW'::text AS side, pair.case_id AS this_case, pair.matched_case_id AS other_case FROM pair
              UNION ALL
              SELECT 'EARLIER'::text, pair.matched_case_id, pair.case_id FROM pair
            )
            SELECT s.side, c.id, c.case_number, p.given_name, p.family_name, p.other_names, p.sex,
                   p.date_of_birth, p.date_of_birth_estimated, p.stated_age, p.nationalities, p.languages,
                   b.id, b.code, b.name, c.arrived_at, c.registered_at,
                   coalesce((
                     SELECT jsonb_agg(jsonb_build_object(
                              'kind', d.kind,
                              'issuingCountry', d.issuing_country,
                              'numberEnding', right(d.number_normalised, least(3, char_length(d.number_normalised) / 2)),
                              'numberLength', char_length(d.number_normalised),
                              'onOtherRecord', EXISTS (SELECT 1 FROM person_document o
                                                       WHERE o.case_id = s.other_case AND o.number_normalised = d.number_normalised
                                                         AND o.issuing_country = d.issuing_country))
                              ORDER BY d.position)
                     FROM person_document d WHERE d.case_id = c.id), '[]'::jsonb)
            FROM sides s
              JOIN case_file c ON c.id = s.this_case
              JOIN person p ON p.case_id = c.id
              JOIN border_point b ON b.id = c.border_point_id
            ORDER BY s.side DESC
          $function$
function public.kivuko_identity_history(p_identity uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_identity_history(p_identity uuid)
     RETURNS TABLE(case_id uuid, case_number text, border_point_id uuid, arrived_at timestamp with time zone, status text)
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
            SELECT c.id, c.case_number, c.border_point_id, c.arrived_at, c.status
            FROM person p JOIN case_file c ON c.id = p.case_id
            WHERE p.identity_id = p_identity ORDER BY c.arrived_at, c.id
          $function$
function public.kivuko_link_identities(p_from uuid, p_to uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_link_identities(p_from uuid, p_to uuid)
     RETURNS integer
     LANGUAGE sql
     SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
            WITH moved AS (UPDATE person SET identity_id = p_to WHERE identity_id = p_from AND p_from <> p_to RETURNING 1)
            SELECT count(*)::integer FROM moved
          $function$
function public.kivuko_metrics_intakes()
    CREATE OR REPLACE FUNCTION public.kivuko_metrics_intakes()
     RETURNS TABLE(border_point_code text, intakes bigint)
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
            SELECT b.code, count(i.intake_id)
            FROM border_point b LEFT JOIN intake_submission i ON i.border_point_id = b.id
            GROUP BY b.code ORDER BY b.code LIMIT 200
          $function$
function public.kivuko_metrics_referrals()
    CREATE OR REPLACE FUNCTION public.kivuko_metrics_referrals()
     RETURNS TABLE(agency_kind text, open bigint, overdue bigint)
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
            SELECT a.kind, count(r.id), count(r.id) FILTER (WHERE r.overdue_at IS NOT NULL)
            FROM agency a LEFT JOIN referral r ON r.agency_id = a.id AND r.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')
            GROUP BY a.kind ORDER BY a.kind
          $function$
function public.kivuko_referral_case_number(p_referral uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_referral_case_number(p_referral uuid)
     RETURNS text
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
            SELECT c.case_number FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.id = p_referral
          $function$
function public.kivuko_referral_open_profile_sync()
    CREATE OR REPLACE FUNCTION public.kivuko_referral_open_profile_sync()
     RETURNS trigger
     LANGUAGE plpgsql
     SECURITY DEFINER
     SET search_path TO 'public', 'pg_temp'
    AS $function$
          BEGIN
            IF TG_OP = 'UPDATE' THEN
              DELETE FROM referral_open_profile WHERE referral_id = OLD.id;
            END IF;
            IF NEW.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN') THEN
              INSERT INTO referral_open_profile (agency_id, profile, priority, due_at, referral_id)
              SELECT NEW.agency_id, p, NEW.priority, NEW.due_at, NEW.id FROM unnest(NEW.profiles) AS p ON CONFLICT DO NOTHING;
            END IF;
            RETURN NULL;
          END $function$
function public.kivuko_referral_visible(p_agency uuid, p_border_point uuid, p_status text)
    CREATE OR REPLACE FUNCTION public.kivuko_referral_visible(p_agency uuid, p_border_point uuid, p_status text)
     RETURNS boolean
     LANGUAGE plpgsql
     STABLE
    AS $function$
          BEGIN
            RETURN kivuko_scope_is_system()
                OR (kivuko_scope_agency_staff() AND p_agency = kivuko_scope_agency() AND p_status <> 'AWAITING_CONSENT')
                OR kivuko_scope_sees_border_point(p_border_point);
          END $function$
function public.kivuko_scope_agency()
    CREATE OR REPLACE FUNCTION public.kivuko_scope_agency()
     RETURNS uuid
     LANGUAGE sql
     STABLE
    AS $function$
            SELECT CASE WHEN current_setting('kivuko.scope', true) = 'actor'
                        THEN nullif(current_setting('kivuko.agency_id', true), '')::uuid END
          $function$
function public.kivuko_scope_agency_is(p_agency uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_scope_agency_is(p_agency uuid)
     RETURNS boolean
     LANGUAGE plpgsql
     STABLE
    AS $function$
          BEGIN
            RETURN kivuko_scope_is_system() OR p_agency = kivuko_scope_agency();
          END $function$
function public.kivuko_scope_agency_staff()
    CREATE OR REPLACE FUNCTION public.kivuko_scope_agency_staff()
     RETURNS boolean
     LANGUAGE sql
     STABLE
    AS $function$
            SELECT kivuko_scope_has_role('CASEWORKER') OR kivuko_scope_has_role('SUPERVISOR') OR kivuko_scope_has_role('AGENCY_MANAGER')
          $function$
function public.kivuko_scope_border_points()
    CREATE OR REPLACE FUNCTION public.kivuko_scope_border_points()
     RETURNS uuid[]
     LANGUAGE sql
     STABLE
    AS $function$
            SELECT CASE WHEN current_setting('kivuko.scope', true) = 'actor'
                        THEN coalesce(string_to_array(nullif(current_setting('kivuko.border_point_ids', true), ''), ',')::uuid[], '{}')
                        ELSE '{}'::uuid[] END
          $function$
function public.kivuko_scope_has_role(p_role text)
    CREATE OR REPLACE FUNCTION public.kivuko_scope_has_role(p_role text)
     RETURNS boolean
     LANGUAGE sql
     STABLE
    AS $function$
            SELECT current_setting('kivuko.scope', true) = 'actor'
               AND p_role = ANY (string_to_array(coalesce(current_setting('kivuko.roles', true), ''), ','))
          $function$
function public.kivuko_scope_is_system()
    CREATE OR REPLACE FUNCTION public.kivuko_scope_is_system()
     RETURNS boolean
     LANGUAGE sql
     STABLE
    AS $function$
            SELECT coalesce(current_setting('kivuko.scope', true), '') = 'system'
          $function$
function public.kivuko_scope_sees_border_point(p_border_point uuid)
    CREATE OR REPLACE FUNCTION public.kivuko_scope_sees_border_point(p_border_point uuid)
     RETURNS boolean
     LANGUAGE sql
     STABLE
    AS $function$
            SELECT (kivuko_scope_has_role('BORDER_OFFICIAL') OR kivuko_scope_has_role('SUPERVISOR'))
               AND p_border_point = ANY (kivuko_scope_border_points())
          $function$
trigger CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON public.audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
trigger CREATE TRIGGER audit_event_no_update_delete BEFORE DELETE OR UPDATE ON public.audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
trigger CREATE TRIGGER referral_open_profile_insert AFTER INSERT ON public.referral FOR EACH ROW EXECUTE FUNCTION kivuko_referral_open_profile_sync()
trigger CREATE TRIGGER referral_open_profile_update AFTER UPDATE OF status, profiles, priority, due_at, agency_id ON public.referral FOR EACH ROW WHEN (((old.status IS DISTINCT FROM new.status) OR (old.profiles IS DISTINCT FROM new.profiles) OR (old.priority IS DISTINCT FROM new.priority) OR (old.due_at IS DISTINCT FROM new.due_at) OR (old.agency_id IS DISTINCT FROM new.agency_id))) EXECUTE FUNCTION kivuko_referral_open_profile_sync()
policy public.age_assessment age_assessment_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.asylum_claim asylum_claim_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.asylum_wish_withdrawal asylum_wish_withdrawal_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.best_interests_procedure best_interests_procedure_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.care_placement care_placement_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.case_assignment case_assignment_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.case_closure case_closure_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.case_companion case_companion_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.case_file case_file_change PERMISSIVE FOR UPDATE TO public USING (kivuko_case_row_visible(id, border_point_id)) WITH CHECK (kivuko_case_row_visible(id, border_point_id))
policy public.case_file case_file_read PERMISSIVE FOR SELECT TO public USING (kivuko_case_row_visible(id, border_point_id))
policy public.case_file case_file_register PERMISSIVE FOR INSERT TO public WITH CHECK ((kivuko_scope_is_system() OR kivuko_scope_sees_border_point(border_point_id)))
policy public.case_lead case_lead_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.case_note case_note_scope PERMISSIVE FOR ALL TO public USING ((kivuko_can_see_case(case_id) AND ((sensitivity <> 'RESTRICTED'::text) OR kivuko_scope_is_system() OR (author_agency_id = kivuko_scope_agency())))) WITH CHECK ((kivuko_can_see_case(case_id) AND (kivuko_scope_is_system() OR (author_agency_id = kivuko_scope_agency()))))
policy public.case_profile case_profile_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.case_section case_section_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.case_share case_share_read PERMISSIVE FOR SELECT TO public USING ((kivuko_scope_is_system() OR (agency_id = kivuko_scope_agency())))
policy public.case_share case_share_write PERMISSIVE FOR INSERT TO public WITH CHECK ((kivuko_scope_is_system() OR kivuko_can_see_case(case_id)))
policy public.case_task case_task_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.case_transfer case_transfer_answer PERMISSIVE FOR UPDATE TO public USING ((kivuko_scope_is_system() OR kivuko_can_see_case(case_id) OR (kivuko_scope_agency_staff() AND (to_agency_id = kivuko_scope_agency())))) WITH CHECK ((kivuko_scope_is_system() OR kivuko_can_see_case(case_id) OR (kivuko_scope_agency_staff() AND (to_agency_id = kivuko_scope_agency()))))
policy public.case_transfer case_transfer_propose PERMISSIVE FOR INSERT TO public WITH CHECK ((kivuko_scope_is_system() OR (kivuko_can_see_case(case_id) AND (from_agency_id = kivuko_scope_agency()))))
policy public.case_transfer case_transfer_read PERMISSIVE FOR SELECT TO public USING ((kivuko_scope_is_system() OR kivuko_can_see_case(case_id) OR (kivuko_scope_agency_staff() AND (to_agency_id = kivuko_scope_agency()))))
policy public.consent_record consent_record_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.detention_access detention_access_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.detention_episode detention_episode_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.detention_review detention_review_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.family_reunification family_reunification_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.family_tracing family_tracing_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.guardian_appointment guardian_appointment_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.intake_submission intake_submission_scope PERMISSIVE FOR ALL TO public USING ((kivuko_scope_is_system() OR kivuko_scope_sees_border_point(border_point_id))) WITH CHECK ((kivuko_scope_is_system() OR kivuko_scope_sees_border_point(border_point_id)))
policy public.person person_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.person_document person_document_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.person_name person_name_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.possible_encounter possible_encounter_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.profile_decision profile_decision_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.profiling_run profiling_run_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.protection_flag protection_flag_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.referral referral_scope PERMISSIVE FOR ALL TO public USING (kivuko_referral_visible(agency_id, border_point_id, status)) WITH CHECK (kivuko_referral_visible(agency_id, border_point_id, status))
policy public.referral_event referral_event_scope PERMISSIVE FOR ALL TO public USING ((EXISTS ( SELECT 1 FROM referral r WHERE (r.id = referral_event.referral_id)))) WITH CHECK ((EXISTS ( SELECT 1 FROM referral r WHERE (r.id = referral_event.referral_id))))
policy public.referral_open_profile referral_open_profile_read PERMISSIVE FOR SELECT TO public USING (kivuko_scope_agency_is(agency_id))
policy public.removal_order removal_order_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.safeguard_event safeguard_event_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.service_delivery service_delivery_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.trafficking_record trafficking_record_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
policy public.voluntary_return voluntary_return_case_scope PERMISSIVE FOR ALL TO public USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.dedup TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.dedup_next TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.event TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.job TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.job_dependency TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.job_log TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.meta TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.metrics TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.migration TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.rate_limit TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.relay_inbox TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.relay_node TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.relay_retained TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.relay_subscription TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON bullmq.scheduler TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.age_assessment TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.agency TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.agency_duty_email TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.agency_webhook TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.app_user TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.asylum_claim TO kivuko_app
grant INSERT, SELECT ON public.asylum_wish_withdrawal TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.audit_chain_head TO kivuko_app
grant INSERT, SELECT ON public.audit_event TO kivuko_app
grant SELECT ON public.audit_legacy_head TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.best_interests_procedure TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.border_point TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.care_placement TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.case_assignment TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.case_closure TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.case_companion TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.case_file TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.case_lead TO kivuko_app
grant INSERT, SELECT ON public.case_note TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.case_number_counter TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.case_profile TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.case_section TO kivuko_app
grant INSERT, SELECT ON public.case_share TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.case_task TO kivuko_app
grant INSERT, SELECT ON public.case_transfer TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.consent_record TO kivuko_app
grant INSERT, SELECT ON public.detention_access TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.detention_episode TO kivuko_app
grant INSERT, SELECT ON public.detention_review TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.email_delivery TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.family_reunification TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.family_tracing TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.guardian_appointment TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.intake_submission TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.outbox_message TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.person TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.person_document TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.person_name TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.possible_encounter TO kivuko_app
grant INSERT, SELECT ON public.profile_decision TO kivuko_app
grant INSERT, SELECT ON public.profiling_run TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.protection_flag TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.referral TO kivuko_app
grant INSERT, SELECT ON public.referral_event TO kivuko_app
grant SELECT ON public.referral_open_profile TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.refresh_token TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.removal_order TO kivuko_app
grant INSERT, SELECT ON public.safeguard_event TO kivuko_app
grant SELECT ON public.schema_migration TO kivuko_app
grant INSERT, SELECT ON public.service_delivery TO kivuko_app
grant INSERT, SELECT ON public.sop_approval TO kivuko_app
grant INSERT, SELECT ON public.sop_version TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.trafficking_record TO kivuko_app
grant DELETE, INSERT, SELECT, UPDATE ON public.user_email_preference TO kivuko_app
grant INSERT, SELECT, UPDATE ON public.voluntary_return TO kivuko_app
grant UPDATE (column) ON public.case_transfer.decided_at TO kivuko_app
grant UPDATE (column) ON public.case_transfer.decided_by TO kivuko_app
grant UPDATE (column) ON public.case_transfer.decision_reason TO kivuko_app
grant UPDATE (column) ON public.case_transfer.status TO kivuko_app
grant UPDATE (column) ON public.sop_version.activated_at TO kivuko_app
grant UPDATE (column) ON public.sop_version.activated_by TO kivuko_app
grant UPDATE (column) ON public.sop_version.effective_from TO kivuko_app
grant UPDATE (column) ON public.sop_version.retired_at TO kivuko_app
grant UPDATE (column) ON public.sop_version.status TO kivuko_app
