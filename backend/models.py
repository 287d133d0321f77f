"""Every mapped class, imported once so that metadata and Alembic see them all."""

from backend.audit.models import AuditEvent
from backend.authority.models import AuthorityRequest, EvidenceExport, LegalHold, MemberErasure
from backend.db import Base
from backend.enforcement.models import Appeal, MemberNotification, Sanction, Strike, Takedown
from backend.escrow.models import LedgerEntry, RefundApproval, Transaction
from backend.flags.models import Flag
from backend.idempotency.models import IdempotencyRecord
from backend.jobs.models import ScheduledJob
from backend.inquiries.models import Inquiry, InquiryMessage
from backend.listings.models import Listing
from backend.members.models import Member
from backend.messages.models import MessageFlag, MessageLabel, MessageModelVersion, TransactionMessage
from backend.patterns.models import PatternFlag
from backend.queue.models import Macro, QueueItem
from backend.ratings.models import Rating
from backend.rights.models import RightsOwner, RightsReport
from backend.recalls.models import ListingTerm, Notice, Recall, RecallMatch, RecallProduct
from backend.screening.models import DecisionLabel, DetectorVersion, PolicyThreshold
from backend.staff.models import Attendance, AuthToken, RotaEntry, Shift, SignInThrottle, Staff, StaffAlert

__all__ = [
    "ScheduledJob",
    "Attendance", "AuditEvent", "AuthToken", "Base", "DecisionLabel", "DetectorVersion", "Flag", "IdempotencyRecord", "Inquiry",
    "InquiryMessage", "LedgerEntry", "Listing", "ListingTerm", "Member", "Notice", "PolicyThreshold", "Rating", "Recall",
    "RecallMatch", "RecallProduct", "RefundApproval", "RotaEntry", "Shift", "Staff", "Strike", "Takedown",
    "Transaction",
    "Appeal", "MemberNotification", "Sanction",
    "Macro", "QueueItem",
    "SignInThrottle", "StaffAlert",
    "MessageFlag", "MessageLabel", "MessageModelVersion", "PatternFlag", "TransactionMessage",
    "AuthorityRequest", "EvidenceExport", "LegalHold", "MemberErasure", "RightsOwner", "RightsReport",
]
