import { FacilitySelect } from '../../shared/FacilitySelect';

/** The hospital an office-filed request is for, picked from the registry by name or code (never a typed code). */
export function HospitalSelect({
  value,
  onChange,
  label,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  label: string;
}) {
  return (
    <FacilitySelect
      value={value}
      onChange={onChange}
      level="PPK2"
      required
      label={label}
      nothingFound="Rumah sakit tidak ditemukan"
      testId="sjp-facility"
    />
  );
}
