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
  getById: `SELECT document, version FROM signals WHERE id = ?`,
  getByReference: `SELECT document, version FROM signals WHERE reference = ?`,
  listIssuedBy: `
    SELECT document FROM signals
    WHERE issued_by = ? AND issued_at >= ?
    ORDER BY issued_at DESC`,
  // The municipality ids travel as one JSON array so one prepared statement serves any number.
  listAwaitingRouting: `
    SELECT document FROM signals
    WHERE state = 'awaiting_routing' AND municipality_id IN (SELECT value FROM json_each(?))
    ORDER BY issued_at`,
  listDispatchDue: `
    SELECT document, version FROM signals
    WHERE dispatch_due_at <= ?
    ORDER BY dispatch_due_at
    LIMIT ?`,
  listDeadlinesDue: `
    SELECT document, version FROM signals
    WHERE next_deadline_at <= ?
    ORDER BY next_deadline_at
    LIMIT ?`,
} as const;
