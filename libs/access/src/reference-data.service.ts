import { Actor, actorScope, Permission, permissionsOf, PlatformErrors, UnitOfWork } from '@kivuko/platform';
import { AuditService } from '@kivuko/audit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { AccessErrorCode, AccessErrors } from './access.errors';
import { Agency } from './agency.entity';
import { AppUser } from './app-user.entity';
import { AuthService } from './auth.service';
import { BorderPoint } from './border-point.entity';
import { CreateAgencyDto, CreateBorderPointDto, CreateUserDto } from './dto/reference-data.dto';

const isUniqueViolation = (e: unknown): boolean => e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === '23505';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  borderPointIds: string[];
  active: boolean;
}

const viewOf = (u: AppUser): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  agencyId: u.agencyId,
  roles: u.roles,
  borderPointIds: u.borderPointIds,
  active: u.active,
});

/** Border points, agencies and users: who works where, for whom. */
@Injectable()
export class ReferenceDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  listBorderPoints(): Promise<BorderPoint[]> {
    return this.dataSource.getRepository(BorderPoint).find({ order: { code: 'ASC' } });
  }

  listAgencies(): Promise<Agency[]> {
    return this.dataSource.getRepository(Agency).find({ order: { name: 'ASC' } });
  }

  async createBorderPoint(actor: Actor, dto: CreateBorderPointDto): Promise<BorderPoint> {
    return this.write(actor, `A border point with code ${dto.code} exists already`, 'REFERENCE.BORDER_POINT_EXISTS', async (manager) => {
      const saved = await manager.save(manager.create(BorderPoint, { ...dto, region: dto.region ?? null }));
      await this.audit.record(manager, { action: 'REFERENCE.BORDER_POINT_CREATED', actor, details: { borderPointId: saved.id } });
      return saved;
    });
  }

  async createAgency(actor: Actor, dto: CreateAgencyDto): Promise<Agency> {
    return this.write(actor, `An agency named ${dto.name} exists already`, 'REFERENCE.AGENCY_EXISTS', async (manager) => {
      await this.assertBorderPoints(manager, dto.coverageBorderPointIds ?? [], 'coverageBorderPointIds');
      const saved = await manager.save(manager.create(Agency, { ...dto }));
      await this.audit.record(manager, { action: 'REFERENCE.AGENCY_CREATED', actor, details: { agencyId: saved.id } });
      return saved;
    });
  }

  /** Staff of the caller's own agency; a user who may manage users sees everyone. */
  async listUsers(actor: Actor): Promise<UserView[]> {
    const everyone = permissionsOf(actor.roles).has(Permission.UsersManage);
    const users = await this.dataSource.getRepository(AppUser).find({
      where: everyone ? {} : { agencyId: actor.agencyId },
      order: { username: 'ASC' },
    });
    return users.map(viewOf);
  }

  async createUser(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const passwordHash = await AuthService.hashPassword(dto.password);
    return this.write(actor, `The username ${dto.username} is taken`, 'REFERENCE.USERNAME_TAKEN', async (manager) => {
      if (!(await manager.existsBy(Agency, { id: dto.agencyId }))) {
        throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'agencyId', problem: 'agencyId names no agency' }], 'The agency does not exist');
      }
      await this.assertBorderPoints(manager, dto.borderPointIds ?? [], 'borderPointIds');
      const saved = await manager.save(
        manager.create(AppUser, {
          username: dto.username,
          displayName: dto.displayName,
          agencyId: dto.agencyId,
          roles: dto.roles,
          borderPointIds: dto.borderPointIds ?? [],
          passwordHash,
        }),
      );
      await this.audit.record(manager, { action: 'REFERENCE.USER_CREATED', actor, details: { userId: saved.id, roles: saved.roles.join(',') } });
      return viewOf(saved);
    });
  }

  private async assertBorderPoints(manager: EntityManager, ids: string[], path: string): Promise<void> {
    if (ids.length === 0) return;
    const found = await manager.countBy(BorderPoint, { id: In(ids) });
    if (found !== ids.length) throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path, problem: `${path} names a border point that does not exist` }], 'Unknown border point');
  }

  private async write<T>(actor: Actor, conflictMessage: string, conflictCode: AccessErrorCode, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.uow.run(actorScope(actor), work);
    } catch (error) {
      if (isUniqueViolation(error)) throw AccessErrors.raise(conflictCode, conflictMessage);
      throw error;
    }
  }
}

