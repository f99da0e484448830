import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  ApplyDirectoryImportUseCase,
  GetDirectoryImportUseCase,
  UploadDirectoryFilesUseCase,
} from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { DirectoryImportDto, UploadDirectoryFilesRequest } from './dto/directory-import.dto';

@ApiTags('MIS sync')
@Controller('api/v1/schools/:schoolId/directory-imports')
export class DirectoryImportsController {
  constructor(
    private readonly upload: UploadDirectoryFilesUseCase,
    private readonly apply: ApplyDirectoryImportUseCase,
    private readonly get: GetDirectoryImportUseCase,
  ) {}

  @Post()
  @RequirePermission('directory:manage')
  @ApiOperation({
    operationId: 'uploadDirectoryFiles',
    summary: 'Upload the directory as CSV and preview it',
    description:
      'For schools not synced through Wonde. Each file is the complete list of its kind (pupils with contacts, ' +
      'staff, or all three); whoever it leaves out is marked as left. The files are checked against the templates ' +
      '(400, with every problem in `errors` by file, line and column) and compared with the directory; nothing changes ' +
      'until applyDirectoryImport. Templates: /templates/pupils.csv, /templates/contacts.csv, /templates/staff.csv.',
  })
  @ApiCreatedResponse({ type: DirectoryImportDto })
  @ApiProblems(400, 404, 409)
  async uploadDirectoryFiles(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: UploadDirectoryFilesRequest,
  ): Promise<DirectoryImportDto> {
    return DirectoryImportDto.from(
      await this.upload.execute({
        actor,
        schoolId: schoolId as SchoolId,
        files: { pupils: body.pupils, contacts: body.contacts, staff: body.staff },
      }),
    );
  }

  @Get(':importId')
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'getDirectoryImport',
    summary: 'An upload and its preview',
    description:
      'What applying it would change, measured when it was uploaded; once applied, the sync run it became.',
  })
  @ApiOkResponse({ type: DirectoryImportDto })
  @ApiProblems(400, 404)
  async getDirectoryImport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('importId') importId: string,
  ): Promise<DirectoryImportDto> {
    return DirectoryImportDto.from(
      await this.get.execute({ actor, schoolId: schoolId as SchoolId, importId }),
    );
  }

  @Post(':importId/apply')
  @HttpCode(200)
  @RequirePermission('directory:manage')
  @ApiOperation({
    operationId: 'applyDirectoryImport',
    summary: 'Apply a previewed upload: all of it, or nothing',
    description:
      'Applied in one transaction and recorded in the sync history as a CSV sync. 409 when it was already ' +
      'applied, has expired, or another sync changed the directory after the preview (upload again).',
  })
  @ApiOkResponse({ type: DirectoryImportDto })
  @ApiProblems(400, 404, 409)
  async applyDirectoryImport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('importId') importId: string,
  ): Promise<DirectoryImportDto> {
    return DirectoryImportDto.from(
      await this.apply.execute({ actor, schoolId: schoolId as SchoolId, importId }),
    );
  }
}
