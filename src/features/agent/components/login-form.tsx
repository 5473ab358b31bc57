import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { flag } from '@/lib/platform'
import { ApiError } from '@/lib/http'
import { loginAgent } from '../agent-auth.api'
import './login-form.scss'

export interface LoginFormProps {
  /** Called once the agent session is stored. */
  onSignedIn: () => void
}

function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return '用户名或密码不正确'
    if (err.status === 429) return '尝试次数过多，请稍后再试'
    return err.message
  }
  return '登录失败，请稍后重试'
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
        <Text className='agent-login__title'>客服工作台</Text>
        <Text className='agent-login__subtitle'>使用客服账号登录，接待在线会话、处理工单。</Text>
        <View className='agent-login__field'>
          <Text className='agent-login__label'>用户名</Text>
          <Input
            className='agent-login__input'
            aria-label='用户名'
            placeholder='例如 alice'
            value={username}
            maxlength={64}
            onInput={(e) => setUsername(e.detail.value)}
            onConfirm={submit}
          />
        </View>
        <View className='agent-login__field'>
          <Text className='agent-login__label'>密码</Text>
          <Input
            className='agent-login__input'
            aria-label='密码'
            password
            placeholder='创建账号时显示的密码'
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
        <Button className='agent-login__submit' disabled={flag(!canSubmit)} loading={flag(busy)} onClick={submit} aria-label='登录'>
          登录
        </Button>
      </View>
      <View className='agent-login__help'>
        <Text className='agent-login__help-title'>还没有客服账号？</Text>
        <Text className='agent-login__help-text'>在运行服务的电脑上执行下面的命令，它会打印一次性密码（只显示一次）：</Text>
        <Text className='agent-login__code' selectable>
          npm run agent:create -- --username alice --name 小艾
        </Text>
        <Text className='agent-login__help-text'>购物者账号不能进入客服工作台。</Text>
      </View>
    </View>
  )
}
