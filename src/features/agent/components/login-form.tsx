import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { flag } from '@/lib/platform'
import { ApiError } from '@/lib/http'
import { loginAgent } from '../agent-auth.api'
import './login-form.scss'
import { t } from '@/lib/i18n'

export interface LoginFormProps {
  /** Called once the agent session is stored. */
  onSignedIn: () => void
}

function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return t('errors.INVALID_CREDENTIALS')
    if (err.status === 429) return t('errors.SIGN_IN_BACKOFF')
    return err.message
  }
  return t('agent.login.failed')
}

/** Username + password form for agents, with how to get a first account. */
export function LoginForm({ onSignedIn }: LoginFormProps) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const canSubmit = username.trim() !== '' && password !== '' && !busy

  const submit = async () => {
    if (!canSubmit) return
    setBusy(true)
    setError('')
    try {
      await loginAgent(username, password)
      onSignedIn()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='agent-login'>
      <View className='agent-login__card'>
        <Text className='agent-login__title'>{t('titles.agentWorkspace')}</Text>
        <Text className='agent-login__subtitle'>{t('agent.login.subtitle')}</Text>
        <View className='agent-login__field'>
          <Text className='agent-login__label'>{t('agent.login.username')}</Text>
          <Input
            className='agent-login__input'
            aria-label={t('agent.login.username')}
            placeholder={t('agent.login.usernameHint')}
            value={username}
            maxlength={64}
            onInput={(e) => setUsername(e.detail.value)}
            onConfirm={submit}
          />
        </View>
        <View className='agent-login__field'>
          <Text className='agent-login__label'>{t('agent.login.password')}</Text>
          <Input
            className='agent-login__input'
            aria-label={t('agent.login.password')}
            password
            placeholder={t('agent.login.passwordHint')}
            value={password}
            maxlength={256}
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={submit}
          />
        </View>
        {error ? (
          <View className='agent-login__error' role='alert' ariaRole='alert'>
            {error}
          </View>
        ) : null}
        <Button
          className='agent-login__submit'
          disabled={flag(!canSubmit)}
          loading={flag(busy)}
          onClick={submit}
          aria-label={t('agent.login.submit')}
        >
          {t('agent.login.submit')}
        </Button>
      </View>
      <View className='agent-login__help'>
        <Text className='agent-login__help-title'>{t('agent.login.noAccount')}</Text>
        <Text className='agent-login__help-text'>{t('agent.login.createHint')}</Text>
        <Text className='agent-login__code' selectable data-i18n-allow='command'>
          npm run agent:create -- --username alice --name 小艾
        </Text>
        <Text className='agent-login__help-text'>{t('agent.login.shoppersOut')}</Text>
      </View>
    </View>
  )
}
