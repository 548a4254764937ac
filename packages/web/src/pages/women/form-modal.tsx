import type { ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useApiFeedback } from '../../components/api-feedback';

/** A modal form: fields, a mutation, close on success. */
export function FormModal<T extends object>(props: {
  open: boolean;
  title: string;
  onClose(): void;
  submit(v: T): Promise<unknown>;
  initial?: Partial<T>;
  children: ReactNode;
  invalidate: string[];
  /** An outside form instance (to watch fields); one is made otherwise. */
  form?: FormInstance<T>;
}) {
  const qc = useQueryClient();
  const { applyToForm } = useApiFeedback();
  const [own] = Form.useForm<T>();
  const form = props.form ?? own;
  const m = useMutation({
    mutationFn: props.submit,
    onSuccess: () => {
      for (const k of props.invalidate) void qc.invalidateQueries({ queryKey: [k] });
      form.resetFields();
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<T> form={form} layout="vertical" initialValues={props.initial} onFinish={(v) => m.mutate(v)}>
        {props.children}
      </Form>
    </Modal>
  );
}
