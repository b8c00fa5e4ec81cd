import type { Config } from '../../src/config';
import type { LinkMember } from '../../src/app/link-member';
import type { ReadDigest } from '../../src/app/read-digest';
import { EditDirectory } from '../../src/app/edit-directory';
import { ImportDirectoryCsv } from '../../src/app/import-directory-csv';
import type { AuditLog, Clock, DirectoryStore, Logger } from '../../src/ports';
import type { TabDeps } from './register-tab';
import { ENTRA_AUTHORITY, tabTokenVerifier } from './sso-token';

/** The tab's parts from the configuration: without HWC_TAB_CLIENT_ID its API accepts no token. */
export function tabDeps(
  config: Config,
  parts: { directory: DirectoryStore; readDigest: ReadDigest; clock: Clock; logger: Logger; audit: AuditLog; linkMember: LinkMember },
  authorityForTests?: string,
  frameAncestorsForTests?: readonly string[],
): TabDeps {
  return {
    ...parts,
    ...(config.tabClientId
      ? {
          verify: tabTokenVerifier({
            clientId: config.tabClientId,
            allowedTenants: config.allowedTenants,
            authority: authorityForTests ?? ENTRA_AUTHORITY,
            clock: parts.clock,
          }),
        }
      : {}),
    digestMinCount: config.digestMinCount,
    directoryReadOnly: config.directoryFile !== undefined,
    editDirectory: new EditDirectory({ directory: parts.directory, audit: parts.audit, clock: parts.clock, readOnly: config.directoryFile !== undefined }),
    importDirectoryCsv: new ImportDirectoryCsv({ directory: parts.directory, audit: parts.audit, clock: parts.clock, readOnly: config.directoryFile !== undefined }),
    ...(frameAncestorsForTests ? { page: { extraFrameAncestors: frameAncestorsForTests } } : {}),
  };
}
