import { useEffect, useState } from 'react';
import { Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { IdType, PersonDto, Sex } from '../../api/types';
import { ID_TYPES } from '../../api/types';
import { RegionPicker } from '../../components/region-picker';
import { ID_TYPE_LABELS, SEX_LABELS, optionsOf } from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';
import { ethnicityOptions } from './person-labels';
import { idNumberProblem, phoneProblem, residentIdFacts, type PersonFormData } from './person-form';

/** Raw values of the person form (the date picker holds a Dayjs). */
export interface PersonFormValues extends Omit<PersonFormData, 'birthDate'> {
  birthDate?: Dayjs | null;
}

/** Form values → data with the date as YYYY-MM-DD. */
export function formData(v: PersonFormValues): PersonFormData {
  return { ...v, birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : '' };
}

/** Initial form values from a stored person (identifiers stay empty: the form never holds them). */
export function initialValues(p: PersonDto): PersonFormValues {
  return {
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate ? dayjs(p.birthDate) : null,
    idType: p.idType,
    idNumber: '',
    phone: '',
    ethnicity: p.ethnicity ?? undefined,
    hukouRegionCode: p.hukouRegionCode ?? undefined,
    residenceRegionCode: p.residenceRegionCode,
    address: p.address ?? '',
  };
}

/**
 * The fields of the person form, shared by registration and editing. With a valid resident ID number, sex and
 * birth date are filled from it; afterwards a mismatch is reported on the ID number. In edit mode (`original`)
 * empty identifiers mean "unchanged" and the masked values are shown as placeholders.
 */
export function PersonFormFields(props: {
  form: FormInstance<PersonFormValues>;
  counties: readonly string[];
  original?: PersonDto;
}) {
  const { form, original } = props;
  const { t, lang } = useI18n();
  const idType = Form.useWatch('idType', form) as IdType | undefined;
  const idNumber = Form.useWatch('idNumber', form) as string | undefined;
  const [autoFilled, setAutoFilled] = useState(false);

  useEffect(() => {
    if (idType !== 'resident_id') return;
    const facts = residentIdFacts(idNumber);
    if (!facts) return;
    const cur = form.getFieldsValue(['sex', 'birthDate']) as { sex?: Sex; birthDate?: Dayjs | null };
    if (cur.sex !== facts.sex || cur.birthDate?.format('YYYY-MM-DD') !== facts.birthDate) {
      form.setFieldsValue({ sex: facts.sex, birthDate: dayjs(facts.birthDate) });
      setAutoFilled(true);
      void form.validateFields(['sex', 'birthDate']).catch(() => undefined);
    }
  }, [idType, idNumber, form]);

  const idOptional = !!original && idType === original.idType;
  const today = dayjs().endOf('day');

  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Form.Item
          name="name"
          label={t('person.name')}
          rules={[
            { required: true, whitespace: true, message: t('person.nameRequired') },
            { max: 50, message: t('person.nameTooLong') },
          ]}
        >
          <Input data-testid="person-name" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="idType" label={t('person.idType')} rules={[{ required: true }]}>
          <Select
            data-testid="person-id-type"
            options={optionsOf(ID_TYPE_LABELS, lang, ID_TYPES)}
            onChange={() => void form.validateFields(['idNumber']).catch(() => undefined)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="idNumber"
          label={t('person.idNumber')}
          dependencies={['idType', 'sex', 'birthDate']}
          required={idType !== 'none' && !idOptional}
          extra={
            original?.idNumberMasked
              ? t('person.idKeepHint')
              : autoFilled && idType === 'resident_id'
                ? t('person.autoFilled')
                : undefined
          }
          rules={[
            ({ getFieldValue }) => ({
              validator(_, v: string | undefined) {
                const bd = getFieldValue('birthDate') as Dayjs | null | undefined;
                const problem = idNumberProblem(
                  {
                    idType: getFieldValue('idType') as IdType,
                    idNumber: v,
                    sex: getFieldValue('sex') as Sex | undefined,
                    birthDate: bd ? bd.format('YYYY-MM-DD') : undefined,
                  },
                  lang,
                  idOptional,
                );
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input
            data-testid="person-id-number"
            disabled={idType === 'none'}
            placeholder={original?.idNumberMasked ?? undefined}
            autoComplete="off"
            maxLength={30}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="sex" label={t('person.sex')} rules={[{ required: true, message: t('person.sexRequired') }]}>
          <Radio.Group
            data-testid="person-sex"
            optionType="button"
            options={optionsOf(SEX_LABELS, lang, ['female', 'male', 'unknown'])}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item
          name="birthDate"
          label={t('person.birthDate')}
          rules={[{ required: true, message: t('person.birthDateRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            data-testid="person-birth-date"
            disabledDate={(d) => d.isAfter(today)}
            format="YYYY-MM-DD"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="phone"
          label={t('person.phone')}
          extra={original?.phoneMasked ? t('person.phoneKeepHint') : undefined}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const p = phoneProblem(v, lang);
                return p ? Promise.reject(new Error(p)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input
            data-testid="person-phone"
            placeholder={original?.phoneMasked ?? undefined}
            autoComplete="off"
            maxLength={20}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="ethnicity" label={t('person.ethnicity')}>
          <Select
            showSearch
            optionFilterProp="label"
            options={ethnicityOptions(lang)}
            data-testid="person-ethnicity"
            allowClear
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="residenceRegionCode"
          label={t('person.residenceRegion')}
          extra={t('person.residenceHint')}
          rules={[{ required: true, message: t('person.residenceRequired') }]}
        >
          <RegionPicker counties={props.counties} data-testid="person-residence" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="hukouRegionCode" label={t('person.hukouRegion')}>
          <RegionPicker maxLevel="county" data-testid="person-hukou" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="address" label={t('person.address')} rules={[{ max: 200 }]}>
          <Input data-testid="person-address" autoComplete="off" />
        </Form.Item>
      </Col>
      {original && (
        <Col xs={24}>
          <Typography.Text type="secondary">{t('person.versionNote', { v: original.version })}</Typography.Text>
        </Col>
      )}
    </Row>
  );
}
