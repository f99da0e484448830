import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/mysql';
import { Public } from '../auth/decorators';
import { RedisClient } from '../redis.provider';

class HealthDto {
  status!: 'ok';
  checks?: Record<string, 'ok' | 'down'>;
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    private readonly redis: RedisClient,
  ) {}

  @Get('live')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'live', summary: 'Liveness', description: 'The process is up.' })
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ operationId: 'ready', summary: 'Readiness', description: 'MySQL and Redis answer.' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  async ready(): Promise<HealthDto> {
    const [mysql, redis] = await Promise.all([
      this.em
        .getConnection()
        .execute('select 1')
        .then(
          () => 'ok' as const,
          () => 'down' as const,
        ),
      this.redis.ping().then(
        () => 'ok' as const,
        () => 'down' as const,
      ),
    ]);
    if (mysql !== 'ok' || redis !== 'ok') {
      throw new ServiceUnavailableException(`Not ready: mysql ${mysql}, redis ${redis}`);
    }
    return { status: 'ok', checks: { mysql, redis } };
  }
}
