/** A signal's record with its child's identity, while there is one. */
const SELECT_SIGNAL = `
    SELECT s.document, s.version, i.document AS child FROM signals AS s
    LEFT JOIN signal_identities AS i ON i.signal_id = s.id`;

/** The signal store's statements; exported so a test can check their query plans use the indexes. */
export const signalSql = {
  insert: `
    INSERT INTO signals
      (id, reference, municipality_id, school_id, state, issued_by, issued_at, dispatch_due_at, next_deadline_at,
       version, document)
    VALUES (@id, @reference, @municipalityId, @schoolId, @state, @issuedBy, @issuedAt, @dispatchDueAt, @nextDeadlineAt,
            1, @document)`,
  // id, reference and municipality are fixed at create: a change reads as a conflict.
  update: `
    UPDATE signals
    SET school_id = @schoolId, state = @state, issued_by = @issuedBy, issued_at = @issuedAt,
        dispatch_due_at = @dispatchDueAt, next_deadline_at = @nextDeadlineAt, document = @document,
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
  // The digest's facts (`factsOf`), read field by field from the record: no identity joined, no
  // whole document parsed in JS. Flags come back as 0/1 (NULL where the field is missing, which the
  // facts schema then refuses); the two delivery figures count over the deliveries with json_each.
  listFactsIssuedBetween: `
    SELECT s.id AS id,
           s.municipality_id AS municipalityId,
           coalesce(s.school_id, json_extract(s.document, '$.bounce.schoolId')) AS schoolId,
           s.issued_at AS issuedAt,
           json_extract(s.document, '$.route') = 'leerplicht' AS viaLeerplicht,
           s.state AS state,
           EXISTS (SELECT 1 FROM json_each(s.document, '$.deliveries') AS d
                   WHERE json_extract(d.value, '$.role') = 'school_contact'
                     AND json_extract(d.value, '$.status') = 'sent') AS delivered,
           json_extract(s.document, '$.schedule.dueAt') AS dueAt,
           json_extract(s.document, '$.acknowledgement.at') AS acknowledgedAt,
           json_extract(s.document, '$.support.firstRecordedAt') AS supportRecordedAt,
           json_extract(s.document, '$.support.categories') AS supportCategories,
           json_extract(s.document, '$.support.priorConcern') AS priorConcern,
           json_array_length(s.document, '$.triedSchoolIds') > 0 AS bounced,
           s.state = 'unroutable' AS noSchool,
           json_type(s.document, '$.escalation') IS NOT NULL AS escalated,
           (SELECT count(*) FROM json_each(s.document, '$.deliveries') AS d
            WHERE json_extract(d.value, '$.status') = 'failed') AS failedDeliveries
    FROM signals AS s
    WHERE s.municipality_id IN (SELECT value FROM json_each(?)) AND s.issued_at >= ? AND s.issued_at < ?
    ORDER BY s.issued_at`,
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
