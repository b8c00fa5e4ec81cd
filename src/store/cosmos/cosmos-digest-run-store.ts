import type { Container, ItemDefinition } from '@azure/cosmos';
import type { DigestRun } from '../../domain/digest/digest-run';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { DigestRunStore, Stored } from '../../ports';
import { parseDigestRunDocument } from '../digest-run-document';
import { cosmosStatus, domainFields, etagOf } from './cosmos-documents';

/** Digest runs partitioned by their own id (the week's code): every access is a point operation. */
export class CosmosDigestRunStore implements DigestRunStore {
  constructor(private readonly runs: Container) {}

  async create(run: DigestRun): Promise<Stored<DigestRun>> {
    const document = parseDigestRunDocument(run);
    try {
      const { resource } = await this.runs.items.create(document);
      if (!resource) throw new Error('Cosmos DB returned no document for a create');
      return stored(resource);
    } catch (error) {
      // 409: this week's run exists already; never overwrite it.
      if (cosmosStatus(error) === 409) throw new DomainError(ErrorCodes.storeConflict, { digestRunId: run.id });
      throw error;
    }
  }

  async get(id: string): Promise<Stored<DigestRun> | undefined> {
    const { resource } = await this.runs.item(id, id).read();
    return resource && stored(resource);
  }

  async replace(run: DigestRun, etag: string): Promise<Stored<DigestRun>> {
    const document = parseDigestRunDocument(run);
    try {
      const { resource } = await this.runs
        .item(document.id, document.id)
        .replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
      if (!resource) throw new Error('Cosmos DB returned no document for a replace');
      return stored(resource);
    } catch (error) {
      // 412: someone wrote since `etag` was read. 404: no such run.
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) throw new DomainError(ErrorCodes.storeConflict, { digestRunId: run.id });
      throw error;
    }
  }
}

function stored(resource: ItemDefinition): Stored<DigestRun> {
  return { value: parseDigestRunDocument(domainFields(resource)), etag: etagOf(resource) };
}
