/** The fact columns (what the digest's figures need), each written from `factsOf` of the document. */
const FACTS = {
  fact_school_id: 'factSchoolId',
  fact_via_leerplicht: 'factViaLeerplicht',
  fact_delivered: 'factDelivered',
  fact_due_at: 'factDueAt',
  fact_acknowledged_at: 'factAcknowledgedAt',
  fact_support_at: 'factSupportAt',
  fact_support_categories: 'factSupportCategories',
  fact_prior_concern: 'factPriorConcern',
  fact_bounced: 'factBounced',
  fact_escalated: 'factEscalated',
  fact_failed_deliveries: 'factFailedDeliveries',
} as const;
const FACT_COLUMNS = Object.keys(FACTS).join(', ');
const FACT_PARAMETERS = Object.values(FACTS).map((p) => `@${p}`).join(', ');
const FACT_ASSIGNMENTS = Object.entries(FACTS).map(([column, p]) => `${column} = @${p}`).join(', ');

/** The digest's facts (`factsOf`) as the fact columns give them: no document parsed, no identity joined. Flags come back as 0/1. */
const FACTS_SELECT = `s.id AS id,
           s.municipality_id AS municipalityId,
           s.fact_school_id AS schoolId,
           s.issued_at AS issuedAt,
           s.fact_via_leerplicht AS viaLeerplicht,
           s.state AS state,
           s.fact_delivered AS delivered,
           s.fact_due_at AS dueAt,
           s.fact_acknowledged_at AS acknowledgedAt,
           s.fact_support_at AS supportRecordedAt,
           s.fact_support_categories AS supportCategories,
           s.fact_prior_concern AS priorConcern,
           s.fact_bounced AS bounced,
           s.state = 'unroutable' AS noSchool,
           s.fact_escalated AS escalated,
           s.fact_failed_deliveries AS failedDeliveries`;

/** Of a week's records, those with support recorded within 48 hours of issue (count(*) counts them all). */
const SUPPORTED_WITHIN_48H = `coalesce(sum(s.fact_support_at IS NOT NULL
                        AND s.fact_support_at <= strftime('%Y-%m-%dT%H:%M:%fZ', s.issued_at, '+48 hours')), 0)`;

/** A signal's record with its child's identity, while there is one. */
const SELECT_SIGNAL = `
    SELECT s.id, s.document, s.version, i.document AS child FROM signals AS s
    LEFT JOIN signal_identities AS i ON i.signal_id = s.id`;

/** The signal store's statements; exported so a test can check their query plans use the indexes. */
export const signalSql = {
  insert: `
    INSERT INTO signals
      (id, reference, municipality_id, school_id, state, issued_by, issued_at, dispatch_due_at, next_deadline_at,
       version, document, ${FACT_COLUMNS})
    VALUES (@id, @reference, @municipalityId, @schoolId, @state, @issuedBy, @issuedAt, @dispatchDueAt, @nextDeadlineAt,
            1, @document, ${FACT_PARAMETERS})`,
  // id, reference and municipality are fixed at create: a change reads as a conflict.
  update: `
    UPDATE signals
    SET school_id = @schoolId, state = @state, issued_by = @issuedBy, issued_at = @issuedAt,
        dispatch_due_at = @dispatchDueAt, next_deadline_at = @nextDeadlineAt, document = @document,
        ${FACT_ASSIGNMENTS},
        version = version + 1
    WHERE id = @id AND version = @version AND reference = @reference AND municipality_id = @municipalityId`,
  insertIdentity: `INSERT INTO signal_identities (signal_id, document, expires_at) VALUES (?, ?, ?)`,
  deleteIdentity: `DELETE FROM signal_identities WHERE signal_id = ?`,
  getById: `${SELECT_SIGNAL} WHERE s.id = ?`,
  getByReference: `${SELECT_SIGNAL} WHERE s.reference = ?`,
  listIssuedBy: `
    ${SELECT_SIGNAL}
    WHERE s.issued_by = ? AND s.issued_at >= ?
    ORDER BY s.issued_at DESC`,
  // The municipality ids travel as one JSON array so one prepared statement serves any number.
  listAwaitingRouting: `
    ${SELECT_SIGNAL}
    WHERE s.state = 'awaiting_routing' AND s.municipality_id IN (SELECT value FROM json_each(?))
    ORDER BY s.issued_at`,
  // The digest's facts, from the fact columns (NULL where a field is missing, which the facts
  // schema then refuses). Parameters: the scope's municipalities and schools (JSON arrays) and the range. A record counts
  // when its municipality is in scope, or its school is: the second search takes those at the
  // scope's schools from other municipalities (leerplicht places children across borders), so
  // none is read twice.
  listFactsIssuedBetween: `
    SELECT ${FACTS_SELECT}
    FROM signals AS s INDEXED BY signals_facts_by_municipality_issued
    WHERE s.municipality_id IN (SELECT value FROM json_each(@municipalities)) AND s.issued_at >= @from AND s.issued_at < @to
    UNION ALL
    SELECT ${FACTS_SELECT}
    FROM signals AS s INDEXED BY signals_facts_by_school_issued
    WHERE s.fact_school_id IN (SELECT value FROM json_each(@schools)) AND s.issued_at >= @from AND s.issued_at < @to
      AND s.municipality_id NOT IN (SELECT value FROM json_each(@municipalities))
    ORDER BY issuedAt`,
  // The trend: per week, issued and supported within 48 hours, counted from the covering index.
  // Parameters: the weeks as a JSON array of [from, to] and the scope's municipalities.
  // 48 hours are elapsed time: the issue instant plus 48 h, in the same ISO text, compares as text.
  countWeeklyHeadlines: `
    WITH weeks (idx, week_from, week_to) AS (
      SELECT CAST(key AS INTEGER), json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@weeks))
    SELECT weeks.idx AS idx, count(*) AS issued, ${SUPPORTED_WITHIN_48H} AS supportedWithin48h
    FROM weeks
    -- CROSS JOIN keeps the weeks outside: each week is one range search of the index.
    CROSS JOIN signals AS s INDEXED BY signals_facts_by_municipality_issued
      ON s.municipality_id IN (SELECT value FROM json_each(@municipalities)) AND s.issued_at >= weeks.week_from AND s.issued_at < weeks.week_to
    GROUP BY weeks.idx`,
  // The same for the scope's schools, records of other municipalities only (the ones above are
  // counted there): per week one search of the school index, which covers it too.
  countWeeklyHeadlinesAtSchools: `
    WITH weeks (idx, week_from, week_to) AS (
      SELECT CAST(key AS INTEGER), json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@weeks))
    SELECT weeks.idx AS idx, count(*) AS issued, ${SUPPORTED_WITHIN_48H} AS supportedWithin48h
    FROM weeks
    CROSS JOIN signals AS s INDEXED BY signals_facts_by_school_issued
      ON s.fact_school_id IN (SELECT value FROM json_each(@schools)) AND s.issued_at >= weeks.week_from AND s.issued_at < weeks.week_to
    WHERE s.municipality_id NOT IN (SELECT value FROM json_each(@municipalities))
    GROUP BY weeks.idx`,
  listDispatchDue: `
    ${SELECT_SIGNAL}
    WHERE s.dispatch_due_at <= ?
    ORDER BY s.dispatch_due_at
    LIMIT ?`,
  listDeadlinesDue: `
    ${SELECT_SIGNAL}
    WHERE s.next_deadline_at <= ?
    ORDER BY s.next_deadline_at
    LIMIT ?`,
  // Identities go with their signal (ON DELETE CASCADE).
  purgeIssuedBefore: `
    DELETE FROM signals WHERE id IN (
      SELECT id FROM signals WHERE issued_at < ? ORDER BY issued_at LIMIT ?)`,
  purgeExpiredIdentities: `
    DELETE FROM signal_identities WHERE signal_id IN (
      SELECT signal_id FROM signal_identities WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)`,
} as const;
