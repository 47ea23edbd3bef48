import { PLATFORM_RUNTIME, PlatformRuntime, systemScope, UnitOfWork } from '@kivuko/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import * as argon2 from 'argon2';
import { In } from 'typeorm';
import { Agency } from './agency.entity';
import { AppUser } from './app-user.entity';
import { AuthService } from './auth.service';
import { BorderPoint } from './border-point.entity';
import { DEMO_AGENCIES, DEMO_BORDER_POINTS, DEMO_USERS } from './demo-data';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: string[];
  agency: { name: string; kind: string };
  borderPoints: string[];
}

/** Loads the demo jurisdiction at start-up in demo mode; loading it again changes nothing. */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');
  private loaded?: Promise<void>;

  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly uow: UnitOfWork,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ready();
  }

  /** Whether this process loads demo data: demo mode, in the api. */
  get enabled(): boolean {
    return this.runtime.config.demo.enabled && this.runtime.config.role === 'api';
  }

  /** Resolves once the demo jurisdiction is loaded (at once when demo mode is off); loads it once per process. */
  ready(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.loaded ??= this.load(this.runtime.config.demo.password).then(() => this.logger.log({ users: DEMO_USERS.length }, 'demo data ready'));
    return this.loaded;
  }

  async load(password: string): Promise<void> {
    await this.uow.run(systemScope('demo data'), async (manager) => {
      const points = new Map<string, string>();
      for (const bp of DEMO_BORDER_POINTS) {
        const existing = await manager.findOneBy(BorderPoint, { code: bp.code });
        points.set(bp.code, existing?.id ?? (await manager.save(manager.create(BorderPoint, { ...bp }))).id);
      }
      const agencies = new Map<string, string>();
      for (const a of DEMO_AGENCIES) {
        const existing = await manager.findOneBy(Agency, { name: a.name });
        const row = {
          name: a.name,
          kind: a.kind,
          services: a.services,
          languages: a.languages,
          coverageBorderPointIds: a.covers.map((c) => points.get(c) as string),
        };
        agencies.set(a.name, existing?.id ?? (await manager.save(manager.create(Agency, row))).id);
      }
      // All demo users share one password: one verification tells whether it changed, and one hash
      // serves every account that needs it (argon2 is deliberately slow).
      const existing = await manager.findBy(AppUser, { username: In(DEMO_USERS.map((u) => u.username)) });
      const current = existing[0]?.passwordHash ? await argon2.verify(existing[0].passwordHash, password).catch(() => false) : false;
      let hash: string | null = null;
      const passwordHash = async (): Promise<string> => (hash ??= await AuthService.hashPassword(password));
      for (const u of DEMO_USERS) {
        const found = existing.find((e) => e.username === u.username);
        // A demo account is never held at the password change: whoever tries the demo signs in with its password.
        if (found && current && !found.mustChangePassword) continue;
        if (found) {
          await manager.update(AppUser, { id: found.id }, { passwordHash: await passwordHash(), mustChangePassword: false });
          continue;
        }
        await manager.save(
          manager.create(AppUser, {
            username: u.username,
            displayName: u.displayName,
            agencyId: agencies.get(u.agency) as string,
            roles: u.roles,
            borderPointIds: u.borderPoints.map((c) => points.get(c) as string),
            passwordHash: await passwordHash(),
          }),
        );
      }
    });
  }

  accounts(): DemoAccount[] {
    return DEMO_USERS.map((u) => {
      const agency = DEMO_AGENCIES.find((a) => a.name === u.agency);
      return {
        username: u.username,
        displayName: u.displayName,
        roles: u.roles,
        agency: { name: u.agency, kind: agency?.kind ?? '' },
        borderPoints: [...u.borderPoints],
      };
    });
  }
}
