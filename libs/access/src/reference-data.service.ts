import { Actor, actorScope, Clock, Permission, PLATFORM_RUNTIME, permissionsOf, PlatformErrors, PlatformRuntime, UnitOfWork } from '@kivuko/platform';
import { AuditService } from '@kivuko/audit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { AccessErrorCode, AccessErrors } from './access.errors';
import { Agency } from './agency.entity';
import { AppUser } from './app-user.entity';
import { revokeUserSessions } from './auth.queries';
import { AuthService } from './auth.service';
import { BorderPoint } from './border-point.entity';
import { DEMO_USERS } from './demo-data';
import { CreateAgencyDto, CreateBorderPointDto, CreateUserDto } from './dto/reference-data.dto';
import { nullFields, UpdateAgencyDto, UpdateBorderPointDto, UpdateUserDto } from './dto/reference-data-update.dto';
import { SessionRegistry } from './session-registry';

/** No 0/o, 1/l/i: read aloud or copied from a screen by the one who gives it on. */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of four (about 79 bits): `k7m2-x9qa-…`. */
export function temporaryPassword(): string {
  const group = (): string => Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

const isUniqueViolation = (e: unknown): boolean => e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === '23505';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  borderPointIds: string[];
  active: boolean;
  /** Signed in with a password someone else chose (first one, reset) and not yet replaced. */
  mustChangePassword: boolean;
}

const viewOf = (u: AppUser): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  agencyId: u.agencyId,
  roles: u.roles,
  borderPointIds: u.borderPointIds,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
});

/** Border points, agencies and users: who works where, for whom. */
@Injectable()
export class ReferenceDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sessions: SessionRegistry,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
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
          // The administrator chose it: the user replaces it at their first sign-in.
          mustChangePassword: true,
        }),
      );
      await this.audit.record(manager, { action: 'REFERENCE.USER_CREATED', actor, details: { userId: saved.id, roles: saved.roles.join(',') } });
      return viewOf(saved);
    });
  }

  async updateBorderPoint(actor: Actor, id: string, dto: UpdateBorderPointDto): Promise<BorderPoint> {
    refuseNulls(dto, ['region']);
    return this.uow.run(actorScope(actor), async (manager) => {
      const point = await manager.findOne(BorderPoint, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!point) throw AccessErrors.raise('REFERENCE.BORDER_POINT_NOT_FOUND');
      const changed = changedFields(point, dto);
      if (changed.length === 0) return point; // nothing to write, nothing to audit
      const saved = await manager.save(Object.assign(point, definedOf(dto)));
      await this.audit.record(manager, { action: 'REFERENCE.BORDER_POINT_UPDATED', actor, details: { borderPointId: id, fields: changed.join(',') } });
      return saved;
    });
  }

  async updateAgency(actor: Actor, id: string, dto: UpdateAgencyDto): Promise<Agency> {
    refuseNulls(dto, ['dailyCapacity', 'contactEmail', 'contactPhone']);
    return this.write(actor, `An agency named ${dto.name ?? ''} exists already`, 'REFERENCE.AGENCY_EXISTS', async (manager) => {
      const agency = await manager.findOne(Agency, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!agency) throw AccessErrors.raise('REFERENCE.AGENCY_UNKNOWN');
      if (dto.coverageBorderPointIds) await this.assertBorderPoints(manager, dto.coverageBorderPointIds, 'coverageBorderPointIds');
      const changed = changedFields(agency, dto);
      if (changed.length === 0) return agency;
      const saved = await manager.save(Object.assign(agency, definedOf(dto)));
      await this.audit.record(manager, { action: 'REFERENCE.AGENCY_UPDATED', actor, details: { agencyId: id, fields: changed.join(',') } });
      return saved;
    });
  }

  async updateUser(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    refuseNulls(dto);
    return this.uow.run(actorScope(actor), async (manager) => {
      const user = await this.lockedUser(manager, id);
      if (dto.agencyId !== undefined && !(await manager.existsBy(Agency, { id: dto.agencyId }))) {
        throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'agencyId', problem: 'agencyId names no agency' }], 'The agency does not exist');
      }
      if (dto.borderPointIds) await this.assertBorderPoints(manager, dto.borderPointIds, 'borderPointIds');
      const changed = changedFields(user, dto);
      if (changed.length === 0) return viewOf(user);
      const saved = await manager.save(Object.assign(user, definedOf(dto)));
      // Roles, agency and border points are in the access token: the next refresh carries the new ones.
      await this.audit.record(manager, { action: 'REFERENCE.USER_UPDATED', actor, details: { userId: id, fields: changed.join(','), roles: saved.roles.join(',') } });
      return viewOf(saved);
    });
  }

  /**
   * A new password for a user who lost theirs: made here, shown once to the administrator, stored only
   * hashed. The user's sessions end (whoever knew the old password is signed out), and their next sign-in,
   * with it, may only change it. A demo account in demo mode is not held so (anyone may try the demo).
   */
  async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
    const password = temporaryPassword();
    const passwordHash = await AuthService.hashPassword(password);
    const ended = await this.uow.run(actorScope(actor), async (manager) => {
      const user = await this.lockedUser(manager, id);
      if (!user.active) throw AccessErrors.raise('REFERENCE.USER_INACTIVE');
      const demoAccount = this.runtime.config.demo.enabled && DEMO_USERS.some((u) => u.username === user.username);
      await manager.update(AppUser, { id }, { passwordHash, mustChangePassword: !demoAccount });
      const families = await revokeUserSessions(manager, id, this.clock.now());
      await this.audit.record(manager, { action: 'REFERENCE.USER_PASSWORD_RESET', actor, details: { userId: id, sessionsEnded: families.length } });
      return families;
    });
    for (const family of ended) this.sessions.ended(family);
    return { temporaryPassword: password };
  }

  /** The account stays (its name is in the audit trail) but cannot sign in; its sessions end now. */
  async deactivateUser(actor: Actor, id: string): Promise<UserView> {
    if (id === actor.userId) throw AccessErrors.raise('REFERENCE.SELF_DEACTIVATION');
    const { view, ended } = await this.uow.run(actorScope(actor), async (manager) => {
      const user = await this.lockedUser(manager, id);
      if (!user.active) throw AccessErrors.raise('REFERENCE.USER_INACTIVE');
      user.active = false;
      const saved = await manager.save(user);
      const families = await revokeUserSessions(manager, id, this.clock.now());
      await this.audit.record(manager, { action: 'REFERENCE.USER_DEACTIVATED', actor, details: { userId: id, sessionsEnded: families.length } });
      return { view: viewOf(saved), ended: families };
    });
    for (const family of ended) this.sessions.ended(family);
    return view;
  }

  /** A deactivated account signs in again (with the password it had); nothing else of it changed meanwhile. */
  async reactivateUser(actor: Actor, id: string): Promise<UserView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const user = await this.lockedUser(manager, id);
      if (user.active) throw AccessErrors.raise('REFERENCE.USER_ACTIVE');
      user.active = true;
      const saved = await manager.save(user);
      await this.audit.record(manager, { action: 'REFERENCE.USER_REACTIVATED', actor, details: { userId: id } });
      return viewOf(saved);
    });
  }

  private async lockedUser(manager: EntityManager, id: string): Promise<AppUser> {
    const user = await manager.findOne(AppUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw AccessErrors.raise('REFERENCE.USER_NOT_FOUND');
    return user;
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

/** The fields a change sends (a DTO instance holds every declared field, the ones not sent as undefined). */
function definedOf<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** A 400 naming each field sent as null that cannot be cleared. */
function refuseNulls(change: object, nullable: readonly string[] = []): void {
  const fields = nullFields(change, nullable);
  if (fields.length > 0) {
    throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', fields.map((path) => ({ path, problem: `${path} cannot be null` })), 'Some fields cannot be cleared');
  }
}

/** The names of the fields a change really changes (for the audit trail: which, never the values). */
function changedFields(current: object, change: object): string[] {
  const before = current as Record<string, unknown>;
  return Object.entries(change)
    .filter(([key, value]) => value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value))
    .map(([key]) => key)
    .sort();
}
