-- The schema the sixteen migrations squashed on 2026-12-02 built, with their history: pg_dump --schema-only
-- --no-owner --no-privileges, then the history rows (--data-only --inserts). MigrationTests upgrades it.
--
-- PostgreSQL database dump
--

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';

--
-- Name: complaint_timeline_is_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.complaint_timeline_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('customercare.erasing', true) = 'on'
       AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.sequence = OLD.sequence
       AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.actor_kind = OLD.actor_kind
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.from_status IS NOT DISTINCT FROM OLD.from_status AND NEW.to_status IS NOT DISTINCT FROM OLD.to_status THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'complaint_timeline is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
END $$;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: __EFMigrationsHistory; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."__EFMigrationsHistory" (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL
);

--
-- Name: care_tasks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.care_tasks (
    id uuid NOT NULL,
    kind character varying(30) NOT NULL,
    customer_id uuid NOT NULL,
    complaint_id uuid,
    owner_id uuid,
    due_on date NOT NULL,
    subject character varying(200) NOT NULL,
    notes character varying(4000),
    is_automatic boolean NOT NULL,
    status character varying(20) NOT NULL,
    result character varying(20),
    outcome character varying(4000),
    completed_at timestamp with time zone,
    completed_by_id uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

--
-- Name: complaint_number_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.complaint_number_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: complaint_sla_clocks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.complaint_sla_clocks (
    id uuid NOT NULL,
    complaint_id uuid NOT NULL,
    milestone character varying(30) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    due_at timestamp with time zone NOT NULL,
    at_risk_from timestamp with time zone NOT NULL,
    met_at timestamp with time zone,
    breached_at timestamp with time zone,
    at_risk_notified_at timestamp with time zone,
    pause_reason integer,
    paused_at timestamp with time zone,
    paused_working_time interval DEFAULT '00:00:00'::interval NOT NULL
);

--
-- Name: complaint_timeline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.complaint_timeline (
    id uuid NOT NULL,
    complaint_id uuid NOT NULL,
    sequence integer NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_kind character varying(20) NOT NULL,
    actor_id uuid,
    kind character varying(30) NOT NULL,
    from_status character varying(20),
    to_status character varying(20),
    text character varying(4000),
    "position" bigint NOT NULL,
    transaction_id bigint DEFAULT ((pg_current_xact_id())::text)::bigint NOT NULL
);

--
-- Name: complaint_timeline_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.complaint_timeline ALTER COLUMN "position" ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.complaint_timeline_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: complaints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.complaints (
    id uuid NOT NULL,
    number character varying(40) NOT NULL,
    channel character varying(20) NOT NULL,
    customer_id uuid NOT NULL,
    category character varying(40),
    severity character varying(20) NOT NULL,
    title character varying(200) NOT NULL,
    description character varying(8000) NOT NULL,
    remedy_sought character varying(2000),
    occurred_at timestamp with time zone,
    received_at timestamp with time zone NOT NULL,
    partner_id uuid,
    external_reference character varying(100),
    status character varying(20) NOT NULL,
    first_responder_id uuid,
    responsible_department_id uuid,
    assignee_id uuid,
    escalation_level integer NOT NULL,
    registered_at timestamp with time zone,
    customer_acknowledged_at timestamp with time zone,
    first_contact_at timestamp with time zone,
    re_complaint_of_id uuid,
    duplicate_of_id uuid,
    repeat_of_id uuid,
    repeat_count integer NOT NULL,
    timeline_length integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    closing jsonb,
    customer_response jsonb,
    investigation jsonb,
    resolution jsonb,
    solution jsonb,
    assigned_at timestamp with time zone,
    solution_accepted_at timestamp with time zone,
    solution_proposed_at timestamp with time zone,
    product character varying(80),
    first_response_time interval,
    reopen_count integer DEFAULT 0 NOT NULL,
    resolution_time interval,
    sla_met integer DEFAULT 0 NOT NULL,
    sla_missed integer DEFAULT 0 NOT NULL,
    sla_started integer DEFAULT 0 NOT NULL,
    resolved boolean GENERATED ALWAYS AS ((resolution IS NOT NULL)) STORED NOT NULL,
    satisfaction integer GENERATED ALWAYS AS (((closing ->> 'Satisfaction'::text))::integer) STORED
);

--
-- Name: customer_access_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_access_log (
    id uuid NOT NULL,
    customer_id uuid NOT NULL,
    action character varying(20) NOT NULL,
    actor_kind character varying(20) NOT NULL,
    actor_id uuid,
    related_customer_id uuid,
    at timestamp with time zone NOT NULL,
    points integer
);

--
-- Name: customer_contact_points; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_contact_points (
    id uuid NOT NULL,
    customer_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    value text NOT NULL,
    platform character varying(40),
    lookup_key character varying(64) NOT NULL,
    is_primary boolean NOT NULL
);

--
-- Name: customer_feedback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_feedback (
    id uuid NOT NULL,
    customer_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    channel character varying(20) NOT NULL,
    subject character varying(200) NOT NULL,
    text character varying(8000) NOT NULL,
    status character varying(20) NOT NULL,
    recorded_by_id uuid,
    handler_id uuid,
    acknowledged_at timestamp with time zone,
    started_at timestamp with time zone,
    answer character varying(4000),
    answered_via character varying(20),
    answered_at timestamp with time zone,
    accepted boolean,
    improvement_action character varying(2000),
    reward_points integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

--
-- Name: customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers (
    id uuid NOT NULL,
    name text NOT NULL,
    name_keys text[] NOT NULL,
    company character varying(200),
    segment character varying(40) NOT NULL,
    preferred_channel character varying(20),
    preferred_language character varying(35),
    source_partner_id uuid,
    merged_into_id uuid,
    erased_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    consent_contact_by_email boolean NOT NULL,
    consent_contact_by_phone boolean NOT NULL,
    consent_marketing boolean NOT NULL,
    reward_points integer DEFAULT 0 NOT NULL
);

--
-- Name: departments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.departments (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    code character varying(20) NOT NULL,
    parent_id uuid,
    supervisor_id uuid,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

--
-- Name: idempotency_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_keys (
    scope character varying(100) NOT NULL,
    key character varying(255) NOT NULL,
    fingerprint character varying(64) NOT NULL,
    state character varying(20) NOT NULL,
    status_code integer,
    response bytea,
    created_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    subjects uuid[] DEFAULT '{}'::uuid[] NOT NULL
);

--
-- Name: outbox_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox_messages (
    id bigint NOT NULL,
    event_id uuid NOT NULL,
    event_type character varying(40) NOT NULL,
    complaint_id uuid NOT NULL,
    partner_id uuid,
    occurred_at timestamp with time zone NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    fanned_out_at timestamp with time zone,
    public_payload jsonb
);

--
-- Name: outbox_messages_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.outbox_messages ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.outbox_messages_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: partner_api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.partner_api_keys (
    id uuid NOT NULL,
    partner_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    prefix character varying(20) NOT NULL,
    hash bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone
);

--
-- Name: partners; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.partners (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

--
-- Name: settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.settings (
    key character varying(100) NOT NULL,
    value jsonb NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

--
-- Name: sign_in_throttles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sign_in_throttles (
    key character varying(300) NOT NULL,
    failures integer NOT NULL,
    window_started_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone
);

--
-- Name: staff; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    email character varying(254) NOT NULL,
    department_id uuid NOT NULL,
    roles character varying(40)[] NOT NULL,
    is_active boolean NOT NULL,
    password_hash character varying(1000) NOT NULL,
    password_changed_at timestamp with time zone NOT NULL,
    security_stamp uuid NOT NULL,
    last_sign_in_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

--
-- Name: survey_answers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.survey_answers (
    invitation_id uuid NOT NULL,
    question_key character varying(40) NOT NULL,
    score integer,
    choice character varying(200),
    text character varying(2000)
);

--
-- Name: survey_campaigns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.survey_campaigns (
    id uuid NOT NULL,
    template_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    schedule character varying(30) NOT NULL,
    segment character varying(40),
    customer_ids uuid[] NOT NULL,
    channel character varying(20) NOT NULL,
    product character varying(80),
    response_days integer NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    next_run_at timestamp with time zone,
    waves integer NOT NULL,
    open_wave integer,
    open_wave_template_version integer,
    last_run_at timestamp with time zone,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    invitations_written integer DEFAULT 0 NOT NULL
);

--
-- Name: survey_invitations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.survey_invitations (
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    template_id uuid NOT NULL,
    template_version integer NOT NULL,
    wave integer NOT NULL,
    customer_id uuid NOT NULL,
    segment character varying(40) NOT NULL,
    complaint_id uuid,
    first_responder_id uuid,
    channel character varying(20) NOT NULL,
    product character varying(80),
    sla_met boolean,
    token text NOT NULL,
    token_hash character(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone
);

--
-- Name: survey_template_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.survey_template_versions (
    template_id uuid NOT NULL,
    number integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    questions jsonb
);

--
-- Name: survey_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.survey_templates (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(2000),
    current_version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

--
-- Name: webhook_deliveries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_deliveries (
    id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    message_id bigint NOT NULL,
    event_id uuid NOT NULL,
    event_type character varying(40) NOT NULL,
    complaint_id uuid NOT NULL,
    status character varying(20) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone,
    lease_id uuid,
    last_status_code integer,
    last_error character varying(2000),
    delivered_at timestamp with time zone,
    dead_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);

--
-- Name: webhook_delivery_attempts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_delivery_attempts (
    id bigint NOT NULL,
    delivery_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    duration_ms integer NOT NULL,
    status_code integer,
    error character varying(2000),
    response_body character varying(2000)
);

--
-- Name: webhook_delivery_attempts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.webhook_delivery_attempts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.webhook_delivery_attempts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: webhook_subscriptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_subscriptions (
    id uuid NOT NULL,
    partner_id uuid,
    url character varying(2000) NOT NULL,
    event_types text[] NOT NULL,
    secret text NOT NULL,
    description character varying(500),
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

--
-- Name: __EFMigrationsHistory pk___ef_migrations_history; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."__EFMigrationsHistory"
    ADD CONSTRAINT pk___ef_migrations_history PRIMARY KEY (migration_id);

--
-- Name: care_tasks pk_care_tasks; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.care_tasks
    ADD CONSTRAINT pk_care_tasks PRIMARY KEY (id);

--
-- Name: complaint_sla_clocks pk_complaint_sla_clocks; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaint_sla_clocks
    ADD CONSTRAINT pk_complaint_sla_clocks PRIMARY KEY (id);

--
-- Name: complaint_timeline pk_complaint_timeline; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaint_timeline
    ADD CONSTRAINT pk_complaint_timeline PRIMARY KEY (id);

--
-- Name: complaints pk_complaints; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT pk_complaints PRIMARY KEY (id);

--
-- Name: customer_access_log pk_customer_access_log; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_access_log
    ADD CONSTRAINT pk_customer_access_log PRIMARY KEY (id);

--
-- Name: customer_contact_points pk_customer_contact_points; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_contact_points
    ADD CONSTRAINT pk_customer_contact_points PRIMARY KEY (id);

--
-- Name: customer_feedback pk_customer_feedback; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_feedback
    ADD CONSTRAINT pk_customer_feedback PRIMARY KEY (id);

--
-- Name: customers pk_customers; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT pk_customers PRIMARY KEY (id);

--
-- Name: departments pk_departments; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT pk_departments PRIMARY KEY (id);

--
-- Name: idempotency_keys pk_idempotency_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT pk_idempotency_keys PRIMARY KEY (scope, key);

--
-- Name: outbox_messages pk_outbox_messages; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_messages
    ADD CONSTRAINT pk_outbox_messages PRIMARY KEY (id);

--
-- Name: partner_api_keys pk_partner_api_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner_api_keys
    ADD CONSTRAINT pk_partner_api_keys PRIMARY KEY (id);

--
-- Name: partners pk_partners; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partners
    ADD CONSTRAINT pk_partners PRIMARY KEY (id);

--
-- Name: settings pk_settings; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT pk_settings PRIMARY KEY (key);

--
-- Name: sign_in_throttles pk_sign_in_throttles; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sign_in_throttles
    ADD CONSTRAINT pk_sign_in_throttles PRIMARY KEY (key);

--
-- Name: staff pk_staff; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff
    ADD CONSTRAINT pk_staff PRIMARY KEY (id);

--
-- Name: survey_answers pk_survey_answers; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_answers
    ADD CONSTRAINT pk_survey_answers PRIMARY KEY (invitation_id, question_key);

--
-- Name: survey_campaigns pk_survey_campaigns; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_campaigns
    ADD CONSTRAINT pk_survey_campaigns PRIMARY KEY (id);

--
-- Name: survey_invitations pk_survey_invitations; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_invitations
    ADD CONSTRAINT pk_survey_invitations PRIMARY KEY (id);

--
-- Name: survey_template_versions pk_survey_template_versions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_template_versions
    ADD CONSTRAINT pk_survey_template_versions PRIMARY KEY (template_id, number);

--
-- Name: survey_templates pk_survey_templates; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_templates
    ADD CONSTRAINT pk_survey_templates PRIMARY KEY (id);

--
-- Name: webhook_deliveries pk_webhook_deliveries; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT pk_webhook_deliveries PRIMARY KEY (id);

--
-- Name: webhook_delivery_attempts pk_webhook_delivery_attempts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery_attempts
    ADD CONSTRAINT pk_webhook_delivery_attempts PRIMARY KEY (id);

--
-- Name: webhook_subscriptions pk_webhook_subscriptions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT pk_webhook_subscriptions PRIMARY KEY (id);

--
-- Name: ix_care_tasks_complaint_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_care_tasks_complaint_id ON public.care_tasks USING btree (complaint_id);

--
-- Name: ix_care_tasks_completed_by_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_care_tasks_completed_by_id ON public.care_tasks USING btree (completed_by_id);

--
-- Name: ix_care_tasks_customer_id_due_on; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_care_tasks_customer_id_due_on ON public.care_tasks USING btree (customer_id, due_on);

--
-- Name: ix_care_tasks_due_on; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_care_tasks_due_on ON public.care_tasks USING btree (due_on) WHERE ((status)::text = 'Open'::text);

--
-- Name: ix_care_tasks_owner_id_due_on; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_care_tasks_owner_id_due_on ON public.care_tasks USING btree (owner_id, due_on) WHERE ((status)::text = 'Open'::text);

--
-- Name: ix_complaint_sla_clocks_at_risk_from; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaint_sla_clocks_at_risk_from ON public.complaint_sla_clocks USING btree (at_risk_from) WHERE (met_at IS NULL);

--
-- Name: ix_complaint_sla_clocks_complaint_id_milestone; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_complaint_sla_clocks_complaint_id_milestone ON public.complaint_sla_clocks USING btree (complaint_id, milestone);

--
-- Name: ix_complaint_sla_clocks_due_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaint_sla_clocks_due_at ON public.complaint_sla_clocks USING btree (due_at) WHERE (met_at IS NULL);

--
-- Name: ix_complaint_timeline_complaint_id_sequence; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_complaint_timeline_complaint_id_sequence ON public.complaint_timeline USING btree (complaint_id, sequence);

--
-- Name: ix_complaint_timeline_transaction_id_position; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaint_timeline_transaction_id_position ON public.complaint_timeline USING btree (transaction_id, "position");

--
-- Name: ix_complaints_assignee_id_received_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_assignee_id_received_at ON public.complaints USING btree (assignee_id, received_at);

--
-- Name: ix_complaints_category_received_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_category_received_at ON public.complaints USING btree (category, received_at);

--
-- Name: ix_complaints_customer_id_category_received_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_customer_id_category_received_at ON public.complaints USING btree (customer_id, category, received_at);

--
-- Name: ix_complaints_description_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_description_trgm ON public.complaints USING gin (lower((description)::text) public.gin_trgm_ops);

--
-- Name: ix_complaints_duplicate_of_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_duplicate_of_id ON public.complaints USING btree (duplicate_of_id);

--
-- Name: ix_complaints_first_responder_id_received_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_first_responder_id_received_at ON public.complaints USING btree (first_responder_id, received_at);

--
-- Name: ix_complaints_number; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_complaints_number ON public.complaints USING btree (number);

--
-- Name: ix_complaints_number_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_number_trgm ON public.complaints USING gin (lower((number)::text) public.gin_trgm_ops);

--
-- Name: ix_complaints_partner_id_external_reference; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_complaints_partner_id_external_reference ON public.complaints USING btree (partner_id, external_reference) WHERE (external_reference IS NOT NULL);

--
-- Name: ix_complaints_re_complaint_of_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_re_complaint_of_id ON public.complaints USING btree (re_complaint_of_id);

--
-- Name: ix_complaints_repeat_of_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_repeat_of_id ON public.complaints USING btree (repeat_of_id);

--
-- Name: ix_complaints_report; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_report ON public.complaints USING btree (received_at) INCLUDE (status, category, channel, severity, responsible_department_id, assignee_id, product, reopen_count, re_complaint_of_id, first_response_time, resolution_time, sla_started, sla_met, sla_missed, satisfaction, resolved);

--
-- Name: ix_complaints_responsible_department_id_status_received_at_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_responsible_department_id_status_received_at_id ON public.complaints USING btree (responsible_department_id, status, received_at, id);

--
-- Name: ix_complaints_status_received_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_status_received_at ON public.complaints USING btree (status, received_at);

--
-- Name: ix_complaints_title_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_complaints_title_trgm ON public.complaints USING gin (lower((title)::text) public.gin_trgm_ops);

--
-- Name: ix_customer_access_log_actor_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_access_log_actor_id ON public.customer_access_log USING btree (actor_id);

--
-- Name: ix_customer_access_log_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_access_log_at ON public.customer_access_log USING btree (at);

--
-- Name: ix_customer_access_log_customer_id_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_access_log_customer_id_at ON public.customer_access_log USING btree (customer_id, at);

--
-- Name: ix_customer_contact_points_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_contact_points_customer_id ON public.customer_contact_points USING btree (customer_id);

--
-- Name: ix_customer_contact_points_lookup_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_contact_points_lookup_key ON public.customer_contact_points USING btree (lookup_key);

--
-- Name: ix_customer_feedback_customer_id_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_feedback_customer_id_created_at ON public.customer_feedback USING btree (customer_id, created_at);

--
-- Name: ix_customer_feedback_handler_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_feedback_handler_id ON public.customer_feedback USING btree (handler_id);

--
-- Name: ix_customer_feedback_recorded_by_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_feedback_recorded_by_id ON public.customer_feedback USING btree (recorded_by_id);

--
-- Name: ix_customer_feedback_status_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_feedback_status_created_at ON public.customer_feedback USING btree (status, created_at);

--
-- Name: ix_customers_merged_into_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customers_merged_into_id ON public.customers USING btree (merged_into_id);

--
-- Name: ix_customers_name_keys; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customers_name_keys ON public.customers USING gin (name_keys);

--
-- Name: ix_customers_segment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customers_segment ON public.customers USING btree (segment);

--
-- Name: ix_customers_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customers_updated_at ON public.customers USING btree (updated_at);

--
-- Name: ix_departments_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_departments_code ON public.departments USING btree (code);

--
-- Name: ix_departments_parent_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_departments_parent_id ON public.departments USING btree (parent_id);

--
-- Name: ix_departments_supervisor_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_departments_supervisor_id ON public.departments USING btree (supervisor_id);

--
-- Name: ix_idempotency_keys_expires_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_idempotency_keys_expires_at ON public.idempotency_keys USING btree (expires_at);

--
-- Name: ix_idempotency_keys_subjects; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_idempotency_keys_subjects ON public.idempotency_keys USING gin (subjects);

--
-- Name: ix_outbox_messages_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_messages_created_at ON public.outbox_messages USING btree (created_at);

--
-- Name: ix_outbox_messages_event_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_outbox_messages_event_id ON public.outbox_messages USING btree (event_id);

--
-- Name: ix_outbox_messages_waiting; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_messages_waiting ON public.outbox_messages USING btree (id) WHERE (fanned_out_at IS NULL);

--
-- Name: ix_partner_api_keys_partner_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_partner_api_keys_partner_id ON public.partner_api_keys USING btree (partner_id);

--
-- Name: ix_partner_api_keys_prefix; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_partner_api_keys_prefix ON public.partner_api_keys USING btree (prefix);

--
-- Name: ix_staff_department_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_staff_department_id ON public.staff USING btree (department_id);

--
-- Name: ix_staff_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_staff_email ON public.staff USING btree (email);

--
-- Name: ix_survey_answers_question_key_invitation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_answers_question_key_invitation_id ON public.survey_answers USING btree (question_key, invitation_id) INCLUDE (score);

--
-- Name: ix_survey_campaigns_next_run_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_campaigns_next_run_at ON public.survey_campaigns USING btree (next_run_at) WHERE (is_active AND (next_run_at IS NOT NULL));

--
-- Name: ix_survey_campaigns_schedule; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_campaigns_schedule ON public.survey_campaigns USING btree (schedule) WHERE is_active;

--
-- Name: ix_survey_campaigns_template_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_campaigns_template_id ON public.survey_campaigns USING btree (template_id);

--
-- Name: ix_survey_invitations_campaign_id_complaint_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_survey_invitations_campaign_id_complaint_id ON public.survey_invitations USING btree (campaign_id, complaint_id) WHERE (complaint_id IS NOT NULL);

--
-- Name: ix_survey_invitations_campaign_id_wave_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_invitations_campaign_id_wave_customer_id ON public.survey_invitations USING btree (campaign_id, wave, customer_id);

--
-- Name: ix_survey_invitations_complaint_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_invitations_complaint_id ON public.survey_invitations USING btree (complaint_id);

--
-- Name: ix_survey_invitations_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_invitations_customer_id ON public.survey_invitations USING btree (customer_id);

--
-- Name: ix_survey_invitations_first_responder_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_invitations_first_responder_id ON public.survey_invitations USING btree (first_responder_id);

--
-- Name: ix_survey_invitations_template_id_template_version_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_survey_invitations_template_id_template_version_created_at ON public.survey_invitations USING btree (template_id, template_version, created_at);

--
-- Name: ix_survey_invitations_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_survey_invitations_token_hash ON public.survey_invitations USING btree (token_hash);

--
-- Name: ix_webhook_deliveries_message_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_message_id ON public.webhook_deliveries USING btree (message_id);

--
-- Name: ix_webhook_deliveries_status_next_attempt_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_status_next_attempt_at ON public.webhook_deliveries USING btree (status, next_attempt_at);

--
-- Name: ix_webhook_deliveries_subscription_id_complaint_id_message_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_subscription_id_complaint_id_message_id ON public.webhook_deliveries USING btree (subscription_id, complaint_id, message_id);

--
-- Name: ix_webhook_deliveries_subscription_id_message_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_webhook_deliveries_subscription_id_message_id ON public.webhook_deliveries USING btree (subscription_id, message_id);

--
-- Name: ix_webhook_delivery_attempts_delivery_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_delivery_attempts_delivery_id_id ON public.webhook_delivery_attempts USING btree (delivery_id, id);

--
-- Name: ix_webhook_subscriptions_partner_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_subscriptions_partner_id ON public.webhook_subscriptions USING btree (partner_id);

--
-- Name: complaint_timeline complaint_timeline_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER complaint_timeline_append_only BEFORE DELETE OR UPDATE ON public.complaint_timeline FOR EACH ROW EXECUTE FUNCTION public.complaint_timeline_is_append_only();

--
-- Name: care_tasks fk_care_tasks_complaints_complaint_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.care_tasks
    ADD CONSTRAINT fk_care_tasks_complaints_complaint_id FOREIGN KEY (complaint_id) REFERENCES public.complaints(id) ON DELETE RESTRICT;

--
-- Name: care_tasks fk_care_tasks_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.care_tasks
    ADD CONSTRAINT fk_care_tasks_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT;

--
-- Name: care_tasks fk_care_tasks_staff_completed_by_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.care_tasks
    ADD CONSTRAINT fk_care_tasks_staff_completed_by_id FOREIGN KEY (completed_by_id) REFERENCES public.staff(id) ON DELETE RESTRICT;

--
-- Name: care_tasks fk_care_tasks_staff_owner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.care_tasks
    ADD CONSTRAINT fk_care_tasks_staff_owner_id FOREIGN KEY (owner_id) REFERENCES public.staff(id) ON DELETE RESTRICT;

--
-- Name: complaint_sla_clocks fk_complaint_sla_clocks_complaints_complaint_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaint_sla_clocks
    ADD CONSTRAINT fk_complaint_sla_clocks_complaints_complaint_id FOREIGN KEY (complaint_id) REFERENCES public.complaints(id) ON DELETE CASCADE;

--
-- Name: complaint_timeline fk_complaint_timeline_complaints_complaint_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaint_timeline
    ADD CONSTRAINT fk_complaint_timeline_complaints_complaint_id FOREIGN KEY (complaint_id) REFERENCES public.complaints(id) ON DELETE RESTRICT;

--
-- Name: complaints fk_complaints_complaints_duplicate_of_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT fk_complaints_complaints_duplicate_of_id FOREIGN KEY (duplicate_of_id) REFERENCES public.complaints(id) ON DELETE RESTRICT;

--
-- Name: complaints fk_complaints_complaints_re_complaint_of_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT fk_complaints_complaints_re_complaint_of_id FOREIGN KEY (re_complaint_of_id) REFERENCES public.complaints(id) ON DELETE RESTRICT;

--
-- Name: complaints fk_complaints_complaints_repeat_of_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT fk_complaints_complaints_repeat_of_id FOREIGN KEY (repeat_of_id) REFERENCES public.complaints(id) ON DELETE RESTRICT;

--
-- Name: complaints fk_complaints_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT fk_complaints_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT;

--
-- Name: complaints fk_complaints_departments_responsible_department_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT fk_complaints_departments_responsible_department_id FOREIGN KEY (responsible_department_id) REFERENCES public.departments(id) ON DELETE RESTRICT;

--
-- Name: complaints fk_complaints_partners_partner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT fk_complaints_partners_partner_id FOREIGN KEY (partner_id) REFERENCES public.partners(id) ON DELETE RESTRICT;

--
-- Name: complaints fk_complaints_staff_assignee_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT fk_complaints_staff_assignee_id FOREIGN KEY (assignee_id) REFERENCES public.staff(id) ON DELETE RESTRICT;

--
-- Name: complaints fk_complaints_staff_first_responder_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.complaints
    ADD CONSTRAINT fk_complaints_staff_first_responder_id FOREIGN KEY (first_responder_id) REFERENCES public.staff(id) ON DELETE RESTRICT;

--
-- Name: customer_contact_points fk_customer_contact_points_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_contact_points
    ADD CONSTRAINT fk_customer_contact_points_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE CASCADE;

--
-- Name: customer_feedback fk_customer_feedback_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_feedback
    ADD CONSTRAINT fk_customer_feedback_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT;

--
-- Name: customer_feedback fk_customer_feedback_staff_handler_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_feedback
    ADD CONSTRAINT fk_customer_feedback_staff_handler_id FOREIGN KEY (handler_id) REFERENCES public.staff(id) ON DELETE RESTRICT;

--
-- Name: customer_feedback fk_customer_feedback_staff_recorded_by_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_feedback
    ADD CONSTRAINT fk_customer_feedback_staff_recorded_by_id FOREIGN KEY (recorded_by_id) REFERENCES public.staff(id) ON DELETE RESTRICT;

--
-- Name: customers fk_customers_customers_merged_into_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT fk_customers_customers_merged_into_id FOREIGN KEY (merged_into_id) REFERENCES public.customers(id) ON DELETE RESTRICT;

--
-- Name: departments fk_departments_departments_parent_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT fk_departments_departments_parent_id FOREIGN KEY (parent_id) REFERENCES public.departments(id) ON DELETE RESTRICT;

--
-- Name: departments fk_departments_staff_supervisor_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT fk_departments_staff_supervisor_id FOREIGN KEY (supervisor_id) REFERENCES public.staff(id) ON DELETE RESTRICT;

--
-- Name: partner_api_keys fk_partner_api_keys_partners_partner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner_api_keys
    ADD CONSTRAINT fk_partner_api_keys_partners_partner_id FOREIGN KEY (partner_id) REFERENCES public.partners(id) ON DELETE CASCADE;

--
-- Name: staff fk_staff_departments_department_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff
    ADD CONSTRAINT fk_staff_departments_department_id FOREIGN KEY (department_id) REFERENCES public.departments(id) ON DELETE RESTRICT;

--
-- Name: survey_answers fk_survey_answers_survey_invitations_invitation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_answers
    ADD CONSTRAINT fk_survey_answers_survey_invitations_invitation_id FOREIGN KEY (invitation_id) REFERENCES public.survey_invitations(id) ON DELETE CASCADE;

--
-- Name: survey_campaigns fk_survey_campaigns_survey_templates_template_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_campaigns
    ADD CONSTRAINT fk_survey_campaigns_survey_templates_template_id FOREIGN KEY (template_id) REFERENCES public.survey_templates(id) ON DELETE RESTRICT;

--
-- Name: survey_invitations fk_survey_invitations_complaints_complaint_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_invitations
    ADD CONSTRAINT fk_survey_invitations_complaints_complaint_id FOREIGN KEY (complaint_id) REFERENCES public.complaints(id) ON DELETE RESTRICT;

--
-- Name: survey_invitations fk_survey_invitations_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_invitations
    ADD CONSTRAINT fk_survey_invitations_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT;

--
-- Name: survey_invitations fk_survey_invitations_staff_first_responder_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_invitations
    ADD CONSTRAINT fk_survey_invitations_staff_first_responder_id FOREIGN KEY (first_responder_id) REFERENCES public.staff(id) ON DELETE RESTRICT;

--
-- Name: survey_invitations fk_survey_invitations_survey_campaigns_campaign_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_invitations
    ADD CONSTRAINT fk_survey_invitations_survey_campaigns_campaign_id FOREIGN KEY (campaign_id) REFERENCES public.survey_campaigns(id) ON DELETE RESTRICT;

--
-- Name: survey_invitations fk_survey_invitations_survey_template_versions_template_id_tem; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_invitations
    ADD CONSTRAINT fk_survey_invitations_survey_template_versions_template_id_tem FOREIGN KEY (template_id, template_version) REFERENCES public.survey_template_versions(template_id, number) ON DELETE RESTRICT;

--
-- Name: survey_template_versions fk_survey_template_versions_survey_templates_template_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.survey_template_versions
    ADD CONSTRAINT fk_survey_template_versions_survey_templates_template_id FOREIGN KEY (template_id) REFERENCES public.survey_templates(id) ON DELETE RESTRICT;

--
-- Name: webhook_deliveries fk_webhook_deliveries_outbox_messages_message_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT fk_webhook_deliveries_outbox_messages_message_id FOREIGN KEY (message_id) REFERENCES public.outbox_messages(id) ON DELETE CASCADE;

--
-- Name: webhook_deliveries fk_webhook_deliveries_webhook_subscriptions_subscription_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT fk_webhook_deliveries_webhook_subscriptions_subscription_id FOREIGN KEY (subscription_id) REFERENCES public.webhook_subscriptions(id) ON DELETE CASCADE;

--
-- Name: webhook_delivery_attempts fk_webhook_delivery_attempts_webhook_deliveries_delivery_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery_attempts
    ADD CONSTRAINT fk_webhook_delivery_attempts_webhook_deliveries_delivery_id FOREIGN KEY (delivery_id) REFERENCES public.webhook_deliveries(id) ON DELETE CASCADE;

--
-- Name: webhook_subscriptions fk_webhook_subscriptions_partners_partner_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT fk_webhook_subscriptions_partners_partner_id FOREIGN KEY (partner_id) REFERENCES public.partners(id) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--

--
-- PostgreSQL database dump
--

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: __EFMigrationsHistory; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123133038_InitialOrganisation', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123135336_Customers', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123140342_Complaints', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123141306_ErasureMayRedactTimeline', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123142936_SlaClocks', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123143924_Settings', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123144421_SlaPause', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123153547_PartnerIntegration', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123162244_SurveysFeedbackCareTasks', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123164020_SurveyWaveBatches', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123170705_ComplaintReportMeasures', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123180512_ReportIndex', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261123184644_DepartmentQueueIndex', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261201223717_PartnerPayloads', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261201224737_RewardGrantAudit', '10.0.4');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261201231619_IdempotencySubjects', '10.0.4');

--
-- PostgreSQL database dump complete
--

