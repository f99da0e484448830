import { DomainError, NotFound, ValidationFailed } from '@rowan/kernel';

export class ComplianceConflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export const NoContractEnd = (): NotFound => new NotFound('Contract end', 'COMPLIANCE.NO_CONTRACT_END');

export const DestructionStarted = (): ComplianceConflict =>
  new ComplianceConflict(
    'This school’s data is already being destroyed; the termination can no longer be withdrawn',
    'COMPLIANCE.DESTRUCTION_STARTED',
  );

export const ContractEndInvalid = (message: string): ValidationFailed =>
  new ValidationFailed('Not a contract end date', [{ field: 'endsOn', message }]);
